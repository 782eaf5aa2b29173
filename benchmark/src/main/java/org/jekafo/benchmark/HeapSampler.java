package org.jekafo.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * The heap used, in two ways: a daemon thread that sums the current usage of every heap memory pool every
 * 20 ms and keeps the highest sum (a lower bound of the true peak, close to it), and the sum of the pools' own
 * peaks since {@link #reset()} (an upper bound: the pools need not peak at the same moment).
 */
final class HeapSampler implements AutoCloseable {

    private static final long MB = 1024 * 1024;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long sampledPeak;
    private volatile long overallPeak;

    HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new window: forgets the peaks seen so far. */
    synchronized void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampledPeak = used();
    }

    /** The highest sampled heap use since {@link #reset()}, in MB. */
    double sampledPeakMb() {
        return Math.max(sampledPeak, used()) / (double) MB;
    }

    /** The highest sampled heap use since this sampler started, in MB. */
    double overallPeakMb() {
        return Math.max(overallPeak, used()) / (double) MB;
    }

    /** The sum of the heap pools' peak usage since {@link #reset()}, in MB. */
    double poolPeaksMb() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (double) MB;
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
                if (now > sampledPeak) {
                    sampledPeak = now;
                }
                if (now > overallPeak) {
                    overallPeak = now;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
