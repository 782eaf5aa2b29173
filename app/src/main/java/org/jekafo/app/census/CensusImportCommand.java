package org.jekafo.app.census;

import org.jekafo.app.health.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Command-line entry point: {@code --jekafo.import.file=census.csv [--jekafo.import.report=rejets.csv]}
 * imports a census file, shows progress, waits until every imported member is searchable, writes the report
 * of rejected lines, and stops the application.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "jekafo.import.file")
class CensusImportCommand implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CensusImportCommand.class);
    private static final PrintStream OUT = System.out;

    private final CensusImport censusImport;
    private final ProjectionProgress projections;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final Path report;
    private final int parallelism;
    private final boolean exitWhenDone;

    CensusImportCommand(CensusImport censusImport, ProjectionProgress projections,
                        ConfigurableApplicationContext context,
                        @Value("${jekafo.import.file}") String file,
                        @Value("${jekafo.import.report:rejets-import.csv}") String report,
                        @Value("${jekafo.import.parallelism:4}") int parallelism,
                        @Value("${jekafo.import.exit:true}") boolean exitWhenDone) {
        this.censusImport = censusImport;
        this.projections = projections;
        this.context = context;
        this.file = Path.of(file);
        this.report = Path.of(report);
        this.parallelism = parallelism;
        this.exitWhenDone = exitWhenDone;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        OUT.printf("Import de %s…%n", file);
        CensusImport.Result result = censusImport.importFile(file, report, parallelism, p -> OUT.printf(Locale.ROOT,
                "  %d/%d lignes  (%d enregistrées, %d déjà importées, %d rejetées)  %.0f lignes/s%n", p.done(),
                p.total(), p.registered(), p.alreadyImported(), p.rejected(),
                p.done() * 1000.0 / Math.max(1, p.elapsed().toMillis())));
        OUT.printf(Locale.ROOT, "Import terminé en %.1f s : %d lignes, %d enregistrées, %d déjà importées, %d rejetées "
                        + "(rapport : %s)%n", result.elapsed().toMillis() / 1000.0, result.lines(), result.registered(),
                result.alreadyImported(), result.rejections().size(), report.toAbsolutePath());
        awaitProjection();
        if (exitWhenDone) {
            int code = SpringApplication.exit(context, () -> 0);
            LOG.info("Import finished, application stopping");
            System.exit(code);
        }
    }

    private void awaitProjection() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        ProjectionProgress.Status status = projections.status("member-projection");
        while ((status.lag() == null || status.lag() > 0) && System.nanoTime() < deadline) {
            OUT.printf("  indexation : %s événements restants%n", status.lag() == null ? "?" : status.lag());
            Thread.sleep(1000);
            status = projections.status("member-projection");
        }
        OUT.println("Tous les membres importés sont consultables.");
    }
}
