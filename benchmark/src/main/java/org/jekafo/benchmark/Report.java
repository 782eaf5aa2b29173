package org.jekafo.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run as Markdown tables, padded so that they read as well on a terminal. */
final class Report {

    private static final String NONE = "—";

    private final List<String> lines = new ArrayList<>();

    /** Everything the run measured, and under which conditions. */
    record Figures(Options options, String startedAt, String firstDatabase, String secondDatabase,
                   String elasticsearch, String loadAtStart, String loadAtEnd, double elasticsearchStartSeconds,
                   double applicationStartSeconds, EndToEndImport.Outcome first, EndToEndImport.Outcome second,
                   Measurement rawJdbc, Measurement rawBulk, double overallPeakHeapMb) {
    }

    static Report of(Figures f) {
        Report report = new Report();
        List<EndToEndImport.Outcome> imports = List.of(f.first(), f.second());
        report.add("# Jɛkafo census import benchmark — profile `" + f.options().profile() + "`");
        report.add("");
        report.add(String.format(Locale.ROOT, "%s on %s: %d processors, load average (1, 5, 15 min) %s at start, %s at end.",
                f.startedAt(), Machine.host(), Machine.processors(), f.loadAtStart(), f.loadAtEnd()));
        report.add("");
        List<String[]> rates = new ArrayList<>();
        rates.add(row("Measurement", "Items", "Time (s)", "Rate", "× raw JDBC", "× raw ES bulk", "Load at start"));
        for (EndToEndImport.Outcome outcome : imports) {
            for (Measurement m : List.of(outcome.endToEnd(), outcome.commandSide())) {
                rates.add(row(m.name(), count(m), seconds(m), rate(m), ratio(m, f.rawJdbc()), ratio(m, f.rawBulk()),
                        m.loadAtStart()));
            }
        }
        rates.add(row(f.rawJdbc().name(), count(f.rawJdbc()), seconds(f.rawJdbc()), rate(f.rawJdbc()), "1.00", NONE,
                f.rawJdbc().loadAtStart()));
        rates.add(row(f.rawBulk().name(), count(f.rawBulk()), seconds(f.rawBulk()), rate(f.rawBulk()), NONE, "1.00",
                f.rawBulk().loadAtStart()));
        report.table(rates);
        report.add("");
        Measurement cold = f.first().endToEnd();
        Measurement warm = f.second().endToEnd();
        report.add(String.format(Locale.ROOT, "**End to end: %.0f members/s on a cold start (%s × raw JDBC, %s × raw "
                        + "ES bulk), %.0f members/s on warm JVMs (%s × raw JDBC, %s × raw ES bulk).**",
                cold.perSecond(), ratio(cold, f.rawJdbc()), ratio(cold, f.rawBulk()), warm.perSecond(),
                ratio(warm, f.rawJdbc()), ratio(warm, f.rawBulk())));
        report.add("");
        List<String[]> heapRows = new ArrayList<>();
        heapRows.add(row("Heap of the benchmark JVM (application + import)", "MB"));
        heapRows.add(row("Maximum heap (-Xmx)", mb(HeapSampler.maxHeapMb())));
        String[] names = {"first", "second"};
        for (int i = 0; i < imports.size(); i++) {
            HeapSampler.Window heap = imports.get(i).heap();
            String during = " during the " + names[i] + " import";
            heapRows.add(row("Peak heap used" + during + ", sampled every 20 ms", mb(heap.sampledPeakMb())));
            heapRows.add(row("Sum of the heap pools' peak usages" + during + " (upper bound)", mb(heap.poolPeaksMb())));
            heapRows.add(row("Highest heap used right after a GC" + during + " (live data and then some)",
                    mb(heap.afterGcPeakMb())));
            heapRows.add(row(String.format(Locale.ROOT, "GC%s: %d collections, %.1f s", during, heap.collections(),
                    heap.collectionSeconds()), String.format(Locale.ROOT, "%.0f%% of the time",
                    100 * heap.collectionSeconds() / imports.get(i).endToEnd().seconds())));
        }
        heapRows.add(row("Peak heap used over the whole run (start-ups, imports, raw limits), sampled",
                mb(f.overallPeakHeapMb())));
        report.table(heapRows);
        report.add("");
        List<String[]> storeRows = new ArrayList<>();
        storeRows.add(row("Event store on disk", "MB"));
        for (int i = 0; i < imports.size(); i++) {
            EndToEndImport.Outcome outcome = imports.get(i);
            storeRows.add(row("Largest during the " + names[i] + " import, sampled every 200 ms",
                    mb(outcome.storePeakBytes() / 1048576.0)));
            storeRows.add(row("When all of the " + names[i] + " import's members are searchable",
                    mb(outcome.storeEndBytes() / 1048576.0)));
        }
        report.table(storeRows);
        report.add("");
        var result = f.first().result();
        report.add("Conditions:");
        report.add("");
        report.add("- census: `" + f.options().file() + "`, " + String.format(Locale.ROOT,
                "%,d lines: %,d registered, %,d already imported, %,d rejected; parallelism %d", result.lines(),
                result.registered(), result.alreadyImported(), result.rejections().size(),
                f.options().parallelism()));
        String where = f.options().postgres()
                ? " (a separate server process: not in the heap above)"
                : " (embedded: the database engine and its page cache live in the heap above)";
        report.add("- event store: first import " + f.firstDatabase() + ", second " + f.secondDatabase() + where);
        report.add("- Elasticsearch: " + f.elasticsearch() + ", a separate process with its own 512 MB heap "
                + "(not counted above); started in " + String.format(Locale.ROOT, "%.1f s", f.elasticsearchStartSeconds())
                + ", application started with its projections idle in " + String.format(Locale.ROOT, "%.1f s", f.applicationStartSeconds()));
        report.add("- first import: a JVM and an Elasticsearch just started, as with `./jekafo import` (the JIT "
                + "compiler still busy); second import: the census again, into a fresh store and fresh indices "
                + "(the application restarted on them, its indices deleted), in the same JVMs: a running server's case");
        for (int i = 0; i < imports.size(); i++) {
            EndToEndImport.Outcome outcome = imports.get(i);
            double seconds = outcome.endToEnd().seconds();
            report.add(String.format(Locale.ROOT, "- CPU during the %s import: this JVM %.0f s, the whole machine %.0f s"
                            + " (Elasticsearch%s included) of the %.0f s its %d processors had",
                    names[i], outcome.cpuSeconds(), outcome.machineBusySeconds(),
                    f.options().postgres() ? ", PostgreSQL" : "", seconds * Machine.processors(),
                    Machine.processors()));
        }
        report.add("- JVM: " + Machine.java() + ", garbage collectors " + Machine.garbageCollectors());
        report.add("- end to end: from the call of `CensusImport.importFile` until a refresh + count on `"
                + EndToEndImport.MEMBERS_ALIAS + "` (every 200 ms once the command side returned) reaches "
                + String.format(Locale.ROOT, "%,d", cold.count()));
        report.add("- raw JDBC (after the first import): one connection of the application's pool, one thread, "
                + "prepared INSERT of the 12 columns, autocommit (one commit per row), table with a primary key on "
                + "card_number");
        report.add("- load at start: the machine's 1-minute load average when the measurement began (other work "
                + "on the machine slows every figure; the ratios hold only if the load stayed alike)");
        report.add("- raw ES bulk (after the first import): one bulk request of " + RawBulkIndexing.BULK_SIZE
                + " at a time, explicit ids, then refresh + count until all are searchable");
        return report;
    }

    String text() {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private void add(String line) {
        lines.add(line);
    }

    private void table(List<String[]> rows) {
        table(lines, rows);
    }

    /** Appends {@code rows} (the first is the header) to {@code lines} as a padded Markdown table. */
    static void table(List<String> lines, List<String[]> rows) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            lines.add(render(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = c == 0 ? "-".repeat(widths[c]) : "-".repeat(widths[c] - 1) + ":";
                }
                lines.add(render(rule, widths));
            }
        }
    }

    private static String render(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int c = 0; c < row.length; c++) {
            String cell = row[c];
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(' ').append(c == 0 ? cell + padding : padding + cell).append(" |");
        }
        return line.toString();
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static String count(Measurement m) {
        return String.format(Locale.ROOT, "%,d %s", m.count(), m.unit());
    }

    private static String seconds(Measurement m) {
        return String.format(Locale.ROOT, "%.2f", m.seconds());
    }

    private static String rate(Measurement m) {
        return String.format(Locale.ROOT, "%,.0f %s/s", m.perSecond(), m.unit());
    }

    /** Two decimals, three below 0.1 so that small ratios keep their digits. */
    private static String ratio(Measurement m, Measurement limit) {
        double ratio = m.ratioTo(limit);
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.3f" : "%.2f", ratio);
    }

    private static String mb(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
