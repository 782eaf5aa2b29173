package org.jekafo.app;

import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.jekafo.process.local.FreePort;
import org.jekafo.process.local.WatchedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A second application process beside the test's own, on the {@code axonserver} profile: the same Axon Server,
 * PostgreSQL database, Elasticsearch and identity provider, its own data folder and port. Started from the test's
 * class path, stopped when the test ends (and by a watchdog if the test JVM is killed).
 */
final class SecondInstance implements AutoCloseable {

    private final WatchedProcess process;
    private final int port;

    private SecondInstance(WatchedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondInstance start(List<String> extraArguments) {
        try {
            Path home = Files.createTempDirectory("jekafo-second-");
            int port = FreePort.pick();
            LocalElasticsearch elasticsearch = LocalElasticsearch.shared();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-XX:+ExitOnOutOfMemoryError", "-Daxoniq.update-checker.disabled=true",
                    "-cp", System.getProperty("java.class.path"), JekafoApplication.class.getName(),
                    "--spring.profiles.active=axonserver", "--server.port=" + port,
                    "--jekafo.data-dir=" + home,
                    "--axon.axonserver.servers=" + TestAxonServer.shared().address(),
                    "--spring.datasource.url=" + TestDatabase.url(), "--spring.datasource.username=postgres",
                    "--jekafo.elasticsearch.url=" + elasticsearch.url(),
                    "--jekafo.elasticsearch.username=" + elasticsearch.credentials()
                            .map(LocalElasticsearch.Credentials::username).orElse(""),
                    "--jekafo.elasticsearch.password=" + elasticsearch.credentials()
                            .map(LocalElasticsearch.Credentials::password).orElse(""),
                    "--jekafo.security.issuer-uri=" + System.getProperty("jekafo.security.issuer-uri"),
                    "--logging.structured.format.console=org.jekafo.app.platform.logging.ReadableLogFormatter"));
            command.addAll(extraArguments);
            WatchedProcess process = WatchedProcess.start("jekafo-2", command, home, home.resolve("console.log"));
            process.awaitReady("a health answer", Duration.ofMinutes(4), HttpProbe.answers(
                    "http://127.0.0.1:" + port + "/actuator/health", answer -> answer.statusCode() < 500));
            return new SecondInstance(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    String lastLogLines(int count) {
        return process.lastOutputLines(count);
    }

    @Override
    public void close() {
        process.stop();
    }
}
