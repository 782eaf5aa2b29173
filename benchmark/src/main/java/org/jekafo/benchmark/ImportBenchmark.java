package org.jekafo.benchmark;

import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * bulk indexing into Elasticsearch) and prints how the import compares. Then imports the census a second time,
 * into another fresh store and fresh indices, with the JVMs (this one and Elasticsearch's) as the first import
 * left them: the first figure is a cold start (a one-off import from the command line), the second a running
 * server's (its code compiled by the JIT). A benchmark to read, not a test: it gates nothing.
 *
 * <pre>java -Xmx512m -XX:+ExitOnOutOfMemoryError -Daxoniq.update-checker.disabled=true -jar benchmark/target/benchmark.jar
 *     [--profile=default|postgres] [--file=PATH] [--parallelism=N] [--scenario=…]</pre>
 */
public final class ImportBenchmark {

    /** The indices (and their aliases) the application creates: deleted between the two imports. */
    static final String APPLICATION_INDICES = "jekafo-*";

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
            String text;
            if (options.scenario().equals("census")) {
                text = new ImportBenchmark(options).run().text();
            } else if (options.scenario().equals("ballots")) {
                text = String.join(System.lineSeparator(), BallotBenchmark.run(options)) + System.lineSeparator();
            } else if (options.scenario().equals("audit")) {
                text = String.join(System.lineSeparator(), AuditBenchmark.run(options)) + System.lineSeparator();
            } else if (options.scenario().equals("reads")) {
                text = String.join(System.lineSeparator(), ReadBenchmark.run(options)) + System.lineSeparator();
            } else {
                text = String.join(System.lineSeparator(), GeneratedCensusBenchmark.run(options)) + System.lineSeparator();
            }
            System.out.println();
            System.out.print(text);
            Files.createDirectories(options.markdownReport().getParent());
            Files.writeString(options.markdownReport(), text, StandardCharsets.UTF_8);
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
                 SearchIndex search = new SearchIndex(elasticsearch)) {
                double elasticsearchStart = (System.nanoTime() - t0) / 1e9;
                String elasticsearchDescription = "Elasticsearch " + search.serverVersion()
                        + " at " + elasticsearch.url();
                Round first = round("first", "First (cold JVMs)", elasticsearch, search, dataDir.resolve("first"), census, heap, true);
                Console.say("second import: deleting the application's indices, a fresh store, the same JVMs");
                search.deleteIndices(APPLICATION_INDICES);
                Round second = round("second", "Second (warm JVMs)", elasticsearch, search, dataDir.resolve("second"), census, heap, false);
                figures = new Report.Figures(options, startedAt, first.database(), second.database(),
                        elasticsearchDescription, loadAtStart, Machine.loadAverage(), elasticsearchStart,
                        first.applicationStartSeconds(), first.outcome(), second.outcome(), first.rawJdbc(),
                        first.rawBulk(), heap.overallPeakMb());
            }
        } finally {
            deleteRecursively(dataDir);
        }
        return Report.of(figures);
    }

    /** One import into a fresh store, and after the first one the raw limits, on the application's pool. */
    private record Round(String database, double applicationStartSeconds, EndToEndImport.Outcome outcome,
                         Measurement rawJdbc, Measurement rawBulk) {
    }

    private Round round(String name, String label, LocalElasticsearch elasticsearch, SearchIndex search, Path dataDir,
                        CensusRows census, HeapSampler heap, boolean rawLimits) throws Exception {
        Files.createDirectories(dataDir);
        try (EventStoreDatabase database = EventStoreDatabase.create(options, dataDir)) {
            Console.say(name + " import: starting the application on " + database.describe());
            long t1 = System.nanoTime();
            try (RunningApplication application = RunningApplication.start(options, elasticsearch, dataDir,
                    database)) {
                application.awaitProjectionsIdle(Duration.ofMinutes(5));
                double applicationStart = (System.nanoTime() - t1) / 1e9;
                Console.say("application ready, reference tree loaded, projections idle; importing");
                EndToEndImport.Outcome outcome = EndToEndImport.run(label, application.censusImport(), search,
                        options.file(), dataDir.resolve("rejections.csv"), options.parallelism(), census.size(), heap,
                        () -> database.sizeOnDisk(application.dataSource()));
                Measurement rawJdbc = null;
                Measurement rawBulk = null;
                if (rawLimits) {
                    Console.say("raw JDBC: " + census.size() + " single-row committed inserts");
                    rawJdbc = RawJdbcInserts.run(application.dataSource(), census);
                    Console.say("raw Elasticsearch: " + census.size() + " documents in bulks of "
                            + RawBulkIndexing.BULK_SIZE);
                    rawBulk = RawBulkIndexing.run(search, census);
                }
                Console.say(name + " import measured; stopping the application"
                        + (options.postgres() ? " and dropping its database" : ""));
                return new Round(database.describe(), applicationStart, outcome, rawJdbc, rawBulk);
            }
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Console.say("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
