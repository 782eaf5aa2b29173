package org.jekafo.app;

import org.jekafo.process.local.FreePort;
import org.jekafo.process.local.WatchedProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Axon Server of the end-to-end suite on the {@code axonserver} profile: the jar that
 * {@code JEKAFO_AXONSERVER_JAR} names (Axon Server SE, built by whoever runs the suite: its licence forbids
 * shipping it), started once per test JVM on free ports with a fresh event store in a temporary folder, stopped
 * with the JVM (and by a watchdog if the JVM is killed).
 *
 * <p>Axon Server's gRPC port listens on every interface and cannot be told otherwise: it is started only where
 * the network has no interface but loopback (a private network namespace, see {@code .ci/private-network}).
 */
public final class TestAxonServer implements AutoCloseable {

    /** Names the Axon Server jar; without it the suite on the {@code axonserver} profile is skipped. */
    public static final String JAR_VARIABLE = "JEKAFO_AXONSERVER_JAR";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static TestAxonServer shared;

    private final WatchedProcess process;
    private final int grpcPort;
    private final Path home;

    private TestAxonServer(WatchedProcess process, int grpcPort, Path home) {
        this.process = process;
        this.grpcPort = grpcPort;
        this.home = home;
    }

    /** Whether the end-to-end tests run on the {@code axonserver} profile in this JVM. */
    public static boolean profileActive() {
        return Stream.of(System.getProperty("spring.profiles.active", "").split(","))
                .anyMatch(profile -> profile.trim().equals("axonserver"));
    }

    /** Why the suite on the {@code axonserver} profile cannot run here, if it cannot. */
    public static Optional<String> unavailable() {
        String jar = System.getenv(JAR_VARIABLE);
        if (jar == null || jar.isBlank() || !Files.isRegularFile(Path.of(jar))) {
            return Optional.of("the end-to-end suite on the axonserver profile needs Axon Server: set " + JAR_VARIABLE
                    + " to an Axon Server SE jar (not shipped: its licence forbids it; build it from its public source)");
        }
        List<String> interfaces = networkInterfaces();
        if (!interfaces.equals(List.of("lo"))) {
            return Optional.of("Axon Server listens on every network interface: run the suite in a network namespace "
                    + "with loopback only (.ci/private-network); interfaces here: " + interfaces);
        }
        return Optional.empty();
    }

    /** This JVM's Axon Server, started on first use. */
    public static synchronized TestAxonServer shared() {
        if (shared == null) {
            shared = start(jar());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::stop, "axonserver-stop"));
        }
        return shared;
    }

    /**
     * An Axon Server of the caller's own, with an empty event store, stopped by {@link #close()}: for application
     * instances that must not share the suite's events (instances on a database of their own would replay events
     * whose personal-data keys are in another database, and write their projections into the suite's indices).
     */
    public static TestAxonServer another() {
        return start(jar());
    }

    /** The jar {@link #JAR_VARIABLE} names; refused, saying why, where the suite cannot start Axon Server. */
    private static Path jar() {
        unavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return Path.of(System.getenv(JAR_VARIABLE));
    }

    /** Stops it; never called on the shared one, which stops with the JVM. */
    @Override
    public void close() {
        if (this == shared) {
            throw new IllegalStateException("the shared Axon Server stops with the JVM");
        }
        process.stop();
    }

    /** {@code host:port} of its gRPC endpoint, as {@code axon.axonserver.servers} wants it. */
    public String address() {
        return "localhost:" + grpcPort;
    }

    /** The folder of its event store's files (one folder per context, {@code default} here). */
    public Path eventStorage() {
        return home.resolve("events");
    }

    private static TestAxonServer start(Path jar) {
        try {
            Path home = Files.createTempDirectory("jekafo-axonserver-");
            int grpc = FreePort.pick();
            int http = FreePort.pick();
            Files.writeString(home.resolve("axonserver.properties"), String.join("\n",
                    "axoniq.axonserver.name=jekafo-test",
                    "axoniq.axonserver.hostname=localhost",
                    "axoniq.axonserver.port=" + grpc,
                    "server.port=" + http,
                    "server.address=127.0.0.1",
                    "axoniq.axonserver.event.storage=" + home.resolve("events"),
                    "axoniq.axonserver.snapshot.storage=" + home.resolve("events"),
                    "axoniq.axonserver.event.segment-size=16MB",
                    "axoniq.axonserver.snapshot.segment-size=16MB",
                    "axoniq.axonserver.controldb-path=" + home.resolve("data"),
                    "axoniq.axonserver.controldb-backup-location=" + home.resolve("data"),
                    "axoniq.axonserver.pid-file-location=" + home,
                    "axoniq.axonserver.plugin-cache-directory=" + home.resolve("plugins/cache"),
                    "axoniq.axonserver.plugin-package-directory=" + home.resolve("plugins/bundles"),
                    "axoniq.axonserver.transformation.storage=" + home.resolve("transformation"),
                    "logging.file.name=" + home.resolve("axonserver.log"), ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            WatchedProcess process = WatchedProcess.start("AxonServer", List.of(java, "-Xmx512m",
                            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + home, "-jar",
                            jar.toAbsolutePath().toString()), home, home.resolve("console.log"));
            process.awaitReady("UP", START_TIMEOUT, HttpProbe.answers("http://127.0.0.1:" + http + "/actuator/health",
                    answer -> answer.statusCode() == 200 && answer.body().contains("\"UP\"")));
            return new TestAxonServer(process, grpc, home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The interfaces of this process's network namespace ({@code /proc/net/dev} is per namespace; sysfs may not be). */
    private static List<String> networkInterfaces() {
        try {
            return Files.readAllLines(Path.of("/proc/net/dev")).stream().skip(2)
                    .map(line -> line.substring(0, line.indexOf(':')).trim()).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of("(unknown: " + e.getMessage() + ")");
        }
    }
}
