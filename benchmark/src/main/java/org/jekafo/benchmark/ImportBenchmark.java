package org.jekafo.benchmark;

import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Imports the 22,000-line census end to end on a fresh Elasticsearch and a fresh event store, then measures on
 * the same machine, in the same run, two raw limits (single-row committed JDBC inserts into the same database,
 * bulk indexing into Elasticsearch) and prints how the import compares. A benchmark to read, not a test: it
 * gates nothing.
 *
 * <pre>java -Xmx512m -Daxoniq.update-checker.disabled=true -jar benchmark/target/benchmark.jar
 *     [--profile=default|postgres] [--file=PATH] [--parallelism=N]</pre>
 */
public final class ImportBenchmark {

    private final Options options;

    private ImportBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.file())) {
            System.err.println("The benchmark needs the census file " + options.file() + " (census-22k.csv, 22,000 "
                    + "members; the project does not carry a copy). Put it there or pass --file=PATH.");
            System.exit(2);
            return;
        }
        int status;
        try {
            Report report = new ImportBenchmark(options).run();
            System.out.println();
            System.out.print(report.text());
            report.write(options.markdownReport());
            System.out.println();
            System.out.println("Written to " + options.markdownReport());
            status = 0;
        } catch (Exception | Error e) {
            System.err.println("Benchmark failed:");
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // the application's and clients' leftover threads must not keep the JVM alive
    }

    private Report run() throws Exception {
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadAtStart = Machine.loadAverage();
        if (HeapSampler.maxHeapMb() > 520) {
            Console.say(String.format("warning: maximum heap is %.0f MB; run with -Xmx512m to show the import fits",
                    HeapSampler.maxHeapMb()));
        }
        CensusRows census = CensusRows.read(options.file());
        Path dataDir = Files.createTempDirectory("jekafo-benchmark-");
        Report.Figures figures;
        try (HeapSampler heap = new HeapSampler()) {
            Console.say("profile " + options.profile() + ", " + census.size() + " census rows in " + options.file()
                    + "; starting Elasticsearch");
            long t0 = System.nanoTime();
            try (LocalElasticsearch elasticsearch = LocalElasticsearch.builder().build().start();
                 SearchIndex search = new SearchIndex(elasticsearch.url());
                 EventStoreDatabase database = EventStoreDatabase.create(options, dataDir)) {
                double elasticsearchStart = (System.nanoTime() - t0) / 1e9;
                String elasticsearchDescription = "Elasticsearch " + search.serverVersion()
                        + " at " + elasticsearch.url();
                Console.say(elasticsearchDescription + "; starting the application on " + database.describe());
                long t1 = System.nanoTime();
                EndToEndImport.Outcome outcome;
                Measurement rawJdbc;
                Measurement rawBulk;
                double applicationStart;
                try (RunningApplication application = RunningApplication.start(options, elasticsearch.url(), dataDir,
                        database)) {
                    application.awaitProjectionsIdle(Duration.ofMinutes(5));
                    applicationStart = (System.nanoTime() - t1) / 1e9;
                    Console.say("application ready, reference tree loaded, projections idle; importing");
                    outcome = EndToEndImport.run(application.censusImport(), search, options.file(),
                            dataDir.resolve("rejections.csv"), options.parallelism(), census.size(), heap);
                    Console.say("raw JDBC: " + census.size() + " single-row committed inserts");
                    rawJdbc = RawJdbcInserts.run(application.dataSource(), census);
                    Console.say("raw Elasticsearch: " + census.size() + " documents in bulks of "
                            + RawBulkIndexing.BULK_SIZE);
                    rawBulk = RawBulkIndexing.run(search, census);
                    Console.say("measurements done; stopping the application, Elasticsearch"
                            + (options.postgres() ? " and dropping the database" : ""));
                }
                figures = new Report.Figures(options, startedAt, database.describe(), elasticsearchDescription,
                        loadAtStart, Machine.loadAverage(), elasticsearchStart, applicationStart, outcome, rawJdbc,
                        rawBulk, heap.overallPeakMb());
            }
        } finally {
            deleteRecursively(dataDir);
        }
        return Report.of(figures);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Console.say("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
