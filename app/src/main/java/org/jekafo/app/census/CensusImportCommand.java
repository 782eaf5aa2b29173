package org.jekafo.app.census;

import org.jekafo.api.census.CensusImportView;
import org.jekafo.app.platform.gate.ActingPrincipal;
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

/**
 * Command-line entry point when no server runs: {@code --jekafo.import.file=census.csv
 * [--jekafo.import.report=rejets.csv]} imports a census file in this JVM (recorded as the server's own act,
 * {@code import:<operator>}), shows a progress line, waits until every imported member is searchable, writes
 * the report of rejected lines, prints a short French summary, and stops the application.
 * ({@code ./jekafo import} sends the file to the running server instead when there is one: {@link ImportClient}.)
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "jekafo.import.file")
class CensusImportCommand implements ApplicationRunner {

    private static final PrintStream OUT = System.out;

    private final CensusImports imports;
    private final ConfigurableApplicationContext context;
    private final Path file;
    private final Path report;
    private final ActingPrincipal operator;
    private final boolean exitWhenDone;

    CensusImportCommand(CensusImports imports, ConfigurableApplicationContext context,
                        @Value("${jekafo.import.file}") String file,
                        @Value("${jekafo.import.report:rejets-import.csv}") String report,
                        @Value("${jekafo.import.operator:${user.name}}") String operator,
                        @Value("${jekafo.import.exit:true}") boolean exitWhenDone) {
        this.imports = imports;
        this.context = context;
        this.file = Path.of(file);
        this.report = Path.of(report);
        this.operator = ActingPrincipal.system("import:" + operator);
        this.exitWhenDone = exitWhenDone;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        ProgressLine line = new ProgressLine(OUT, System.console() != null);
        long start = System.nanoTime();
        CensusImportView end = imports.importHere(file, report, operator, view -> line.show(
                ProgressLine.stage(view.state().name()), view.linesDone(), view.linesTotal(), view.registered(),
                view.alreadyImported(), view.rejected(), view.linesPerSecond()));
        line.end();
        if (end.state() == CensusImportView.State.FAILED) {
            OUT.println("Import de " + file.getFileName() + " arrêté : " + end.message());
        } else {
            OUT.println(ProgressLine.summary(end.fileName(), end.linesTotal(), end.registered(), end.alreadyImported(),
                    end.rejected(), end.searchable(), end.message(), report.toAbsolutePath().toString(),
                    Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0));
        }
        if (exitWhenDone) {
            int code = SpringApplication.exit(context, () -> end.state() == CensusImportView.State.FAILED ? 1 : 0);
            System.exit(code);
        }
    }
}
