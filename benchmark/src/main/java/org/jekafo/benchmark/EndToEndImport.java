package org.jekafo.benchmark;

import org.jekafo.app.census.CensusImport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The census imported through {@link CensusImport#importFile}, timed from the call until every member is
 * searchable on the members alias (refresh + count every 200 ms reaches the expected number); the event store's
 * size on disk is sampled meanwhile.
 */
final class EndToEndImport {

    static final String MEMBERS_ALIAS = "jekafo-members";
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /**
     * The figures of one import; the store's sizes in bytes: the largest sampled (every 200 ms) from the call until
     * all are searchable, and the size then.
     */
    record Outcome(Measurement endToEnd, Measurement commandSide, CensusImport.Result result, HeapSampler.Window heap,
                   double cpuSeconds, double machineBusySeconds, long storePeakBytes, long storeEndBytes) {
    }

    private EndToEndImport() {
    }

    static Outcome run(String label, CensusImport censusImport, SearchIndex search, Path csv, Path rejectionReport,
                       int parallelism, int expectedMembers, HeapSampler heap, LongSupplier storeBytes)
            throws Exception {
        long before = search.searchableCount(MEMBERS_ALIAS);
        if (before != 0) {
            throw new IllegalStateException(MEMBERS_ALIAS + " is not empty before the import: " + before);
        }
        String load = Machine.loadAverage1();
        heap.reset();
        long cpuBefore = Machine.processCpuNanos();
        double busyBefore = Machine.busySeconds();
        AtomicLong storePeak = new AtomicLong(storeBytes.getAsLong());
        Thread storeSampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    storePeak.accumulateAndGet(storeBytes.getAsLong(), Math::max);
                    Thread.sleep(200);
                }
            } catch (InterruptedException stopped) {
                // the import is measured
            }
        }, "store-size-sampler");
        storeSampler.setDaemon(true);
        storeSampler.start();
        long start = System.nanoTime();
        CensusImport.Result result = censusImport.importFile(csv, rejectionReport, parallelism,
                progress -> {
                    if (progress.done() % 2000 == 0 || progress.done() == progress.total()) {
                        Console.say(String.format(Locale.ROOT, "import: %d/%d lines, %.0f lines/s", progress.done(),
                                progress.total(), progress.done() * 1000.0 / Math.max(1, progress.elapsed().toMillis())));
                    }
                });
        long commandSideDone = System.nanoTime();
        Console.say(String.format(Locale.ROOT, "command side done in %.1f s: %d registered, %d already imported, "
                        + "%d rejected; waiting until %,d members are searchable", result.elapsed().toMillis() / 1000.0,
                result.registered(), result.alreadyImported(), result.rejections().size(), expectedMembers));
        if (result.registered() != expectedMembers) {
            throw new IllegalStateException("the import registered " + result.registered() + " members, not the "
                    + expectedMembers + " of the file (" + result.alreadyImported() + " already imported, "
                    + result.rejections().size() + " rejected): no end-to-end figure to give");
        }
        long searchable = search.awaitSearchable(MEMBERS_ALIAS, expectedMembers, TIMEOUT);
        storeSampler.interrupt();
        storeSampler.join();
        long storeEnd = storeBytes.getAsLong();
        storePeak.accumulateAndGet(storeEnd, Math::max);
        HeapSampler.Window heapWindow = heap.window();
        double cpuSeconds = (Machine.processCpuNanos() - cpuBefore) / 1e9;
        double busySeconds = Machine.busySeconds() - busyBefore;
        Console.say(String.format(Locale.ROOT, "all searchable %.1f s after the command side finished",
                (searchable - commandSideDone) / 1e9));
        return new Outcome(
                new Measurement(label + " import, end to end: until all searchable in " + MEMBERS_ALIAS,
                        expectedMembers, "members", Duration.ofNanos(searchable - start), load),
                new Measurement(label + " import, command side alone (CensusImport.importFile)", result.lines(),
                        "lines", result.elapsed(), load),
                result, heapWindow, cpuSeconds, busySeconds, storePeak.get(), storeEnd);
    }
}
