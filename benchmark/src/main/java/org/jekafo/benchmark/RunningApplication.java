package org.jekafo.benchmark;

import org.jekafo.app.JekafoApplication;
import org.jekafo.app.census.CensusImport;
import org.jekafo.app.health.ProjectionProgress;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Jɛkafo application, without its web server, on the given Elasticsearch and event store. */
final class RunningApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the application; when this returns, its ApplicationRunners are done, so the reference tree (70 org
     * units) is loaded. Properties go in as command-line arguments, because application.yml and its profile
     * sections would override default properties.
     */
    static RunningApplication start(Options options, String elasticsearchUrl, Path dataDir, EventStoreDatabase database) {
        List<String> args = new ArrayList<>();
        args.add("--jekafo.elasticsearch.url=" + elasticsearchUrl);
        args.add("--jekafo.data-dir=" + dataDir);
        args.add("--spring.main.banner-mode=off");
        database.springProperties().forEach(property -> args.add("--" + property));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(JekafoApplication.class)
                .web(WebApplicationType.NONE);
        if (options.postgres()) {
            builder.profiles("postgres");
        }
        return new RunningApplication(builder.run(args.toArray(String[]::new)));
    }

    CensusImport censusImport() {
        return context.getBean(CensusImport.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /** Waits until every projection runs, without error, and has applied every event in the store. */
    void awaitProjectionsIdle(Duration timeout) throws InterruptedException {
        ProjectionProgress progress = context.getBean(ProjectionProgress.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<ProjectionProgress.Status> statuses = progress.statuses();
            boolean idle = !statuses.isEmpty() && statuses.stream()
                    .allMatch(s -> s.running() && !s.error() && s.lag() != null && s.lag() == 0);
            if (idle) {
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
