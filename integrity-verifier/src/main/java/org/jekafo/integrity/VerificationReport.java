package org.jekafo.integrity;

import java.util.List;

/**
 * The outcome of a verification: the broken places (at most the limit asked, {@code findingCount} counts them
 * all), how many events and chain rows were compared, how many stored events are newer than the chain (not yet
 * chained: neither right nor wrong), where the chain ends, and how long it took.
 */
public record VerificationReport(List<Finding> findings, long findingCount, long eventsChecked, long linksChecked,
                                 long unchainedEvents, long chainHeadSequence, long chainHeadIndex, long elapsedNanos) {

    public boolean ok() {
        return findingCount == 0;
    }

    /** Events (or chain rows, whichever is more) verified per second. */
    public double rate() {
        long items = Math.max(eventsChecked, linksChecked);
        return elapsedNanos == 0 ? 0 : items * 1e9 / elapsedNanos;
    }
}
