package org.jekafo.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heap of this JVM, measured three ways over a window that {@link #reset()} starts:
 * <ul>
 * <li>a daemon thread sums the current usage of every heap memory pool every 20 ms and keeps the highest sum
 * (close to the true peak, from below);</li>
 * <li>the sum of the heap pools' own peak usages (from above: the pools need not peak at the same moment);</li>
 * <li>the highest heap use right after a garbage collection (what was still reachable then, garbage aside:
 * with a collector that waits for the heap to fill, the two figures above say little more than -Xmx).</li>
 * </ul>
 * Also the collections and their time over the window.
 */
final class HeapSampler implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final NotificationListener gcListener = this::collected;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sampledPeak;
    private volatile long overallPeak;
    private volatile long afterGcPeak;
    private long gcCountAtReset;
    private long gcMillisAtReset;

    HeapSampler() {
        collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(gcListener, null, null));
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new window: forgets the peaks seen so far. */
    synchronized void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampledPeak = used();
        afterGcPeak = 0;
        gcCountAtReset = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        gcMillisAtReset = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** What the window saw. */
    record Window(double sampledPeakMb, double poolPeaksMb, double afterGcPeakMb, long collections,
                  double collectionSeconds) {
    }

    /** The figures since {@link #reset()}. */
    synchronized Window window() {
        return new Window(Math.max(sampledPeak, used()) / (double) MB,
                heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (double) MB,
                afterGcPeak / (double) MB,
                collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCountAtReset,
                (collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisAtReset) / 1000.0);
    }

    /** The highest sampled heap use since this sampler started, in MB. */
    double overallPeakMb() {
        return Math.max(overallPeak, used()) / (double) MB;
    }

    static double maxHeapMb() {
        return Runtime.getRuntime().maxMemory() / (double) MB;
    }

    private long used() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            sum += pool.getUsage().getUsed();
        }
        return sum;
    }

    private void sample() {
        while (running) {
            long now = used();
            synchronized (this) {
                sampledPeak = Math.max(sampledPeak, now);
                overallPeak = Math.max(overallPeak, now);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void collected(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long after = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(pool.getKey())) {
                after += pool.getValue().getUsed();
            }
        }
        synchronized (this) {
            afterGcPeak = Math.max(afterGcPeak, after);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        for (GarbageCollectorMXBean gc : collectors) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(gcListener);
            } catch (Exception alreadyGone) {
                // nothing to undo
            }
        }
    }
}
