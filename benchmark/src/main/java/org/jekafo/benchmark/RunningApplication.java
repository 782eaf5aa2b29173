package org.jekafo.benchmark;

import org.jekafo.app.JekafoApplication;
import org.jekafo.app.census.CensusImport;
import org.jekafo.app.platform.health.ProjectionProgress;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Jɛkafo application, with or without its web server, on the given Elasticsearch and event store. */
final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final long startedNanos;

    private RunningApplication(ConfigurableApplicationContext context, long startedNanos) {
        this.context = context;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts the application; when this returns, its ApplicationRunners are done, so the reference tree (70 org
     * units) is loaded. Properties go in as command-line arguments, because application.yml and its profile
     * sections would override default properties.
     */
    static RunningApplication start(Options options, LocalElasticsearch elasticsearch, Path dataDir,
                                    EventStoreDatabase database) {
        return start(options, elasticsearch, dataDir, database, WebApplicationType.NONE, List.of());
    }

    /** The application as {@code ./jekafo server} runs it: its web server on a free port of 127.0.0.1 ({@link #port()}). */
    static RunningApplication startServer(Options options, LocalElasticsearch elasticsearch, Path dataDir,
                                          EventStoreDatabase database) {
        return startServer(options, elasticsearch, dataDir, database, List.of());
    }

    /** The server, with more of the application's properties ({@code --name=value}). */
    static RunningApplication startServer(Options options, LocalElasticsearch elasticsearch, Path dataDir,
                                          EventStoreDatabase database, List<String> properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
        args.addAll(properties);
        return start(options, elasticsearch, dataDir, database, WebApplicationType.SERVLET, args);
    }

    private static RunningApplication start(Options options, LocalElasticsearch elasticsearch, Path dataDir,
                                            EventStoreDatabase database, WebApplicationType web, List<String> more) {
        List<String> args = new ArrayList<>(more);
        args.add("--jekafo.elasticsearch.url=" + elasticsearch.url());
        elasticsearch.credentials().ifPresent(credentials -> {
            args.add("--jekafo.elasticsearch.username=" + credentials.username());
            args.add("--jekafo.elasticsearch.password=" + credentials.password());
        });
        args.add("--jekafo.data-dir=" + dataDir);
        args.add("--spring.main.banner-mode=off");
        database.springProperties().forEach(property -> args.add("--" + property));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(JekafoApplication.class)
                .web(web);
        if (options.postgres()) {
            builder.profiles("postgres");
        }
        long started = System.nanoTime();
        return new RunningApplication(builder.run(args.toArray(String[]::new)), started);
    }

    /** The port the web server listens on (started with {@link #startServer}). */
    int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    CensusImport censusImport() {
        return context.getBean(CensusImport.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /**
     * Waits until the projections are idle: every one runs, without error, is not rebuilding its index and has
     * applied every event in the store. On a fresh Elasticsearch the application creates the indices at start
     * and has the projections replayed into them by its periodic index check ({@code
     * jekafo.projections.check-interval}, 10 s), once their processors run: so this also waits until that
     * check has come round once more after the start, and wants the projections idle for a whole second.
     */
    void awaitProjectionsIdle(Duration timeout) throws InterruptedException {
        ProjectionProgress progress = context.getBean(ProjectionProgress.class);
        Duration checkInterval = context.getEnvironment().getProperty("jekafo.projections.check-interval",
                Duration.class, Duration.ofSeconds(10));
        long notBefore = startedNanos + checkInterval.plusSeconds(5).toNanos();
        long deadline = System.nanoTime() + timeout.toNanos();
        int idlePolls = 0;
        while (true) {
            List<ProjectionProgress.Status> statuses = progress.statuses();
            boolean idle = !statuses.isEmpty() && statuses.stream()
                    .allMatch(s -> s.running() && !s.error() && !s.rebuilding() && s.lag() != null && s.lag() == 0);
            idlePolls = idle ? idlePolls + 1 : 0;
            if (idlePolls >= 5 && System.nanoTime() >= notBefore) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("projections not idle after " + timeout + ": " + statuses);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
