package org.jekafo.benchmark;

import static org.axonframework.messaging.GenericMessage.asMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.app.census.CensusImport;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Imports generated censuses (the distributions of the reference census, see {@link CensusGenerator}):
 * <ul>
 *     <li>{@code --scenario=dirty}: the same number of lines clean and with a share of defective lines (5 % by
 *     default), each into a fresh store on the same JVMs: clean (cold, to warm them up), clean, defective, clean;
 *     the defective file's rate is compared with the clean ones' around it, and its rejected lines with its list
 *     of defects;</li>
 *     <li>{@code --scenario=scale}: one import of a large census (1,000,000 lines by default): the rate of each
 *     100,000 lines, peak heap, the store's size on disk, the index's, and search latency once it is full.</li>
 * </ul>
 */
final class GeneratedCensusBenchmark {

    private static final int WINDOW = 100_000;
    private static final Duration SEARCHABLE_TIMEOUT = Duration.ofHours(2);

    private final Options options;
    private final List<String> report = new ArrayList<>();

    private GeneratedCensusBenchmark(Options options) {
        this.options = options;
    }

    static List<String> run(Options options) throws Exception {
        GeneratedCensusBenchmark benchmark = new GeneratedCensusBenchmark(options);
        benchmark.runScenario();
        return benchmark.report;
    }

    /** What one import of a generated file measured. */
    private record Round(String label, CensusGenerator.Generated file, CensusImport.Result result, int mismatches,
                         double endToEndSeconds, HeapSampler.Window heap, long storeBytes, long indexBytes,
                         Map<Integer, Double> secondsAtLine) {

        double commandSideRate() {
            return result.linesPerSecond();
        }

        double endToEndRate() {
            return result.registered() / endToEndSeconds;
        }
    }

    private void runScenario() throws Exception {
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Console.say("reading the reference census " + options.file() + " for its distributions");
        CensusGenerator generator = CensusGenerator.from(CensusRows.read(options.file()));
        Path work = Files.createTempDirectory("jekafo-benchmark-" + options.scenario() + "-");
        try (HeapSampler heap = new HeapSampler();
             LocalElasticsearch elasticsearch = LocalElasticsearch.builder().build().start();
             SearchIndex search = new SearchIndex(elasticsearch)) {
            report.add("# Jɛkafo census import benchmark — generated census, scenario `" + options.scenario()
                    + "`, profile `" + options.profile() + "`");
            report.add("");
            report.add(String.format(Locale.ROOT, "%s on %s: %d processors, load average %s at start; -Xmx %.0f MB; "
                            + "parallelism %d; distributions of `%s`.", startedAt, Machine.host(), Machine.processors(),
                    Machine.loadAverage(), HeapSampler.maxHeapMb(), options.parallelism(), options.file()));
            report.add("");
            if (options.scenario().equals("dirty")) {
                dirty(generator, work, elasticsearch, search, heap);
            } else {
                scale(generator, work, elasticsearch, search, heap);
            }
            report.add("");
            report.add("Load average at end: " + Machine.loadAverage() + ".");
        } finally {
            ImportBenchmark.deleteRecursively(work);
        }
    }

    private void dirty(CensusGenerator generator, Path work, LocalElasticsearch elasticsearch, SearchIndex search,
                       HeapSampler heap) throws Exception {
        int lines = options.members();
        Console.say("generating " + lines + " lines, clean and with " + percent(options.defectRate()) + " defective");
        CensusGenerator.Generated clean = generator.write(work, "census-clean", lines, 0, 1);
        CensusGenerator.Generated defective = generator.write(work, "census-defective", lines, options.defectRate(), 2);
        List<Round> rounds = new ArrayList<>();
        rounds.add(importRound("clean, cold JVMs (warm-up)", clean, work.resolve("r1"), elasticsearch, search, heap, false));
        rounds.add(importRound("clean, warm JVMs", clean, work.resolve("r2"), elasticsearch, search, heap, false));
        rounds.add(importRound("defective, warm JVMs", defective, work.resolve("r3"), elasticsearch, search, heap, false));
        rounds.add(importRound("clean, warm JVMs again", clean, work.resolve("r4"), elasticsearch, search, heap, false));
        roundsTable(rounds);
        Round dirty = rounds.get(2);
        // the JIT keeps improving the code over the first imports: the defective file is compared with the clean
        // imports just before and just after it
        double cleanEndToEnd = (rounds.get(1).result().lines() / rounds.get(1).endToEndSeconds()
                + rounds.get(3).result().lines() / rounds.get(3).endToEndSeconds()) / 2;
        double cleanCommandSide = (rounds.get(1).commandSideRate() + rounds.get(3).commandSideRate()) / 2;
        report.add("");
        report.add(String.format(Locale.ROOT, "**The defective file imports at %.2f× the clean file's rate end to end, "
                        + "lines per second (%.0f against %.0f, the mean of the clean imports before and after it; "
                        + "command side %.2f×).** Its rejected lines %s its list of %,d defects.",
                (dirty.result().lines() / dirty.endToEndSeconds()) / cleanEndToEnd,
                dirty.result().lines() / dirty.endToEndSeconds(), cleanEndToEnd,
                dirty.commandSideRate() / cleanCommandSide,
                dirty.mismatches() == 0 ? "are exactly" : "differ in " + dirty.mismatches() + " lines from",
                dirty.file().defective()));
    }

    private void scale(CensusGenerator generator, Path work, LocalElasticsearch elasticsearch, SearchIndex search,
                       HeapSampler heap) throws Exception {
        int lines = options.members();
        Console.say("generating " + lines + " lines, " + percent(options.defectRate()) + " defective");
        CensusGenerator.Generated census = generator.write(work, "census-large", lines, options.defectRate(), 3);
        Round round = importRound("large census", census, work.resolve("r1"), elasticsearch, search, heap, true);
        roundsTable(List.of(round));
        report.add("");
        List<String[]> windows = new ArrayList<>();
        windows.add(new String[]{"Lines", "Seconds for these lines", "Lines/s"});
        double previous = 0;
        int previousLine = 0;
        double firstRate = 0;
        double lastRate = 0;
        for (Map.Entry<Integer, Double> mark : round.secondsAtLine().entrySet()) {
            double rate = (mark.getKey() - previousLine) / (mark.getValue() - previous);
            windows.add(new String[]{String.format(Locale.ROOT, "%,d–%,d", previousLine + 1, mark.getKey()),
                    String.format(Locale.ROOT, "%.1f", mark.getValue() - previous), String.format(Locale.ROOT, "%.0f", rate)});
            if (previousLine == 0) {
                firstRate = rate;
            }
            lastRate = rate;
            previous = mark.getValue();
            previousLine = mark.getKey();
        }
        Report.table(report, windows);
        report.add("");
        report.add(String.format(Locale.ROOT, "**Rate of the last %,d lines: %.0f lines/s, %.2f× the first %,d's (%.0f).**",
                WINDOW, lastRate, lastRate / firstRate, WINDOW, firstRate));
    }

    private Round importRound(String label, CensusGenerator.Generated file, Path dataDir, LocalElasticsearch elasticsearch,
                              SearchIndex search, HeapSampler heap, boolean searchLatency) throws Exception {
        Files.createDirectories(dataDir);
        search.deleteIndices(ImportBenchmark.APPLICATION_INDICES);
        try (EventStoreDatabase database = EventStoreDatabase.create(options, dataDir);
             RunningApplication application = RunningApplication.start(options, elasticsearch, dataDir, database)) {
            application.awaitProjectionsIdle(Duration.ofMinutes(5));
            Console.say(label + ": importing " + file.census().getFileName());
            long before = search.searchableCount(EndToEndImport.MEMBERS_ALIAS);
            Map<Integer, Double> secondsAtLine = new ConcurrentSkipListMap<>();
            heap.reset();
            long start = System.nanoTime();
            CensusImport.Result result = application.censusImport().importFile(file.census(),
                    dataDir.resolve("rejets.csv"), options.parallelism(), progress -> {
                        if (progress.done() % WINDOW == 0 || progress.done() == progress.total()) {
                            secondsAtLine.putIfAbsent(progress.done(), (System.nanoTime() - start) / 1e9);
                        }
                        if (progress.done() % 20_000 == 0) {
                            Console.say(String.format(Locale.ROOT, "%s: %,d/%,d lines, %.0f lines/s, heap %.0f MB",
                                    label, progress.done(), progress.total(),
                                    progress.done() * 1000.0 / Math.max(1, progress.elapsed().toMillis()),
                                    heap.window().sampledPeakMb()));
                        }
                    });
            long searchable = search.awaitSearchable(EndToEndImport.MEMBERS_ALIAS, before + result.registered(),
                    SEARCHABLE_TIMEOUT);
            double seconds = (searchable - start) / 1e9;
            HeapSampler.Window window = heap.window();
            int mismatches = mismatches(file, result);
            Console.say(String.format(Locale.ROOT, "%s: %,d registered, %,d rejected (%d off the defects list); "
                            + "all searchable after %.1f s", label, result.registered(), result.rejections().size(),
                    mismatches, seconds));
            if (searchLatency) {
                searchLatency(application, file);
            }
            long storeBytes = database.sizeOnDisk(application.dataSource());
            long indexBytes = search.storeBytes(EndToEndImport.MEMBERS_ALIAS);
            return new Round(label, file, result, mismatches, seconds, window, storeBytes, indexBytes, secondsAtLine);
        }
    }

    /** Lines rejected that are not on the defects list, plus defects not rejected. */
    private static int mismatches(CensusGenerator.Generated file, CensusImport.Result result) throws IOException {
        TreeMap<Integer, Boolean> expected = new TreeMap<>();
        try (Stream<String> defects = Files.lines(file.defects(), StandardCharsets.UTF_8)) {
            defects.filter(l -> !l.isBlank()).forEach(l -> expected.put(Integer.parseInt(l.split(":")[0]), true));
        }
        int mismatches = 0;
        for (CensusImport.Rejection rejection : result.rejections()) {
            if (expected.remove(rejection.line()) == null) {
                mismatches++;
            }
        }
        return mismatches + expected.size();
    }

    /** Name searches, counts and unit pages on the full index through the application's query handlers. */
    private void searchLatency(RunningApplication application, CensusGenerator.Generated file) throws Exception {
        QueryGateway queries = application.bean(QueryGateway.class);
        // as the executive bureau would ask: every query passes the gate, which needs to know who asks
        Map<String, Object> bureau = new ActingPrincipal("benchmark", Role.EXECUTIVE_BUREAU, null, null).metaData();
        List<String> names = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file.census(), StandardCharsets.UTF_8)) {
            lines.skip(1).limit(200_000).filter(l -> l.hashCode() % 97 == 0).limit(40)
                    .forEach(l -> names.add(l.split(",")[1] + " " + l.split(",")[2]));
        }
        SplittableRandom random = new SplittableRandom(4);
        double[] nameMillis = new double[names.size()];
        double[] countMillis = new double[names.size()];
        double[] pageMillis = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            MemberFilter byName = new MemberFilter(null, null, null, null, null, null, null, null, names.get(i), null);
            nameMillis[i] = timed(() -> queries.query(asMessage(new FindMembersQuery(byName, 20, null)).andMetaData(bureau), MemberPage.class).join());
            MemberFilter byYear = new MemberFilter(null, null, null, null, 1950 + random.nextInt(50), null, null, null,
                    null, null);
            countMillis[i] = timed(() -> queries.query(asMessage(new CountMembersQuery(byYear)).andMetaData(bureau), MemberCounts.class).join());
            pageMillis[i] = timed(() -> queries.query(asMessage(new FindMembersQuery(byYear, 100, null)).andMetaData(bureau), MemberPage.class).join());
        }
        report.add("Search latency on the full index, through the application's query handlers (no HTTP), "
                + names.size() + " queries each, median / 95th percentile / max:");
        report.add("");
        report.add("- accent-insensitive name search, first page of 20: " + percentiles(nameMillis));
        report.add("- counts by gender, region, trade and status (birth year filter): " + percentiles(countMillis));
        report.add("- a page of 100 members (birth year filter): " + percentiles(pageMillis));
        report.add("");
    }

    private static double timed(Runnable query) {
        long start = System.nanoTime();
        query.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String percentiles(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms", sorted[sorted.length / 2],
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)], sorted[sorted.length - 1]);
    }

    private void roundsTable(List<Round> rounds) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Import", "Lines", "Registered", "Rejected", "Off the defects list",
                "Command side (lines/s)", "End to end (s)", "End to end (members/s)", "Peak heap (MB)",
                "Event store on disk (MB)", "Members index (MB)"});
        for (Round round : rounds) {
            rows.add(new String[]{round.label(), String.format(Locale.ROOT, "%,d", round.result().lines()),
                    String.format(Locale.ROOT, "%,d", round.result().registered()),
                    String.format(Locale.ROOT, "%,d", round.result().rejections().size()),
                    String.valueOf(round.mismatches()),
                    String.format(Locale.ROOT, "%.0f", round.commandSideRate()),
                    String.format(Locale.ROOT, "%.1f", round.endToEndSeconds()),
                    String.format(Locale.ROOT, "%.0f", round.endToEndRate()),
                    String.format(Locale.ROOT, "%.0f", round.heap().sampledPeakMb()),
                    String.format(Locale.ROOT, "%.1f", round.storeBytes() / 1048576.0),
                    String.format(Locale.ROOT, "%.1f", round.indexBytes() / 1048576.0)});
        }
        Report.table(report, rows);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
