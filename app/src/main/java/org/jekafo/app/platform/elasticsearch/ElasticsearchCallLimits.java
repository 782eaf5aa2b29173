package org.jekafo.app.platform.elasticsearch;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How long an Elasticsearch call may wait for an answer on the current thread. Background work (projections,
 * rebuilds) has no limit of its own here and uses the client's socket timeout; a thread answering an HTTP request
 * gives each call at most {@code jekafo.elasticsearch.request-timeout}, and a section run {@link #within} a
 * deadline gives each call at most the time left before it. A paused or unreachable Elasticsearch then costs a
 * request a bounded wait, never the client's full socket timeout per call.
 */
public final class ElasticsearchCallLimits {

    private static final ThreadLocal<Long> PER_CALL_NANOS = new ThreadLocal<>();
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private ElasticsearchCallLimits() {
    }

    /** Runs {@code work} with every Elasticsearch call it makes ending before {@code budget} has passed. */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Long outer = DEADLINE_NANOS.get();
        long deadline = System.nanoTime() + budget.toNanos();
        DEADLINE_NANOS.set(outer == null ? deadline : Math.min(outer, deadline));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE_NANOS.remove();
            } else {
                DEADLINE_NANOS.set(outer);
            }
        }
    }

    /** Marks this thread as answering a request: each Elasticsearch call waits at most {@code perCall}. */
    public static void enterRequest(Duration perCall) {
        PER_CALL_NANOS.set(perCall.toNanos());
    }

    /** Whether this thread is marked as answering a request. */
    public static boolean inRequest() {
        return PER_CALL_NANOS.get() != null;
    }

    /** The request is answered: this thread's calls have no limit of their own any more. */
    public static void leaveRequest() {
        PER_CALL_NANOS.remove();
    }

    /**
     * The time the next call may wait on this thread, in milliseconds (0: none left); empty when this thread has
     * no limit of its own.
     */
    static OptionalLong remainingMillis() {
        Long perCall = PER_CALL_NANOS.get();
        Long deadline = DEADLINE_NANOS.get();
        if (perCall == null && deadline == null) {
            return OptionalLong.empty();
        }
        long nanos = Long.MAX_VALUE;
        if (perCall != null) {
            nanos = perCall;
        }
        if (deadline != null) {
            nanos = Math.min(nanos, deadline - System.nanoTime());
        }
        return OptionalLong.of(Math.max(0, nanos / 1_000_000));
    }
}
