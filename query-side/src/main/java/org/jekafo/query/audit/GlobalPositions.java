package org.jekafo.query.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The global position of each event a processor thread handles: its own index in the event store. Axon Server's
 * token holds it ({@code GlobalSequenceTrackingToken}). The embedded and PostgreSQL stores' token
 * ({@link GapAwareTrackingToken}) holds the highest index read so far and the gaps below it: an event that a slower
 * transaction committed late fills a gap, and its token keeps the higher index. Its own index is then the gap the
 * token no longer holds, compared with the token of the event handled just before on the same thread (a pooled
 * processor handles a segment's events in order, on one thread at a time). Where that comparison names no single
 * index — the first event after a restart, a batch handled again, several segments sharing a thread — the token's
 * position is taken: the event's own index, unless it filled a gap. A rebuild reads a store without gaps, where every
 * token's position is its event's own index.
 */
final class GlobalPositions {

    private final ThreadLocal<TrackingToken> previous = new ThreadLocal<>();

    /** The position of the event whose token is {@code token}; remembers it for the next event of this thread. */
    long of(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        TrackingToken before = previous.get();
        previous.set(current);
        if (current instanceof GapAwareTrackingToken now && before instanceof GapAwareTrackingToken then) {
            Long own = own(then, now);
            if (own != null) {
                return own;
            }
        }
        return current.position().orElseThrow(() -> new IllegalStateException("a token without a position"));
    }

    /** The one index {@code now} covers that {@code then} did not, else null. */
    static Long own(GapAwareTrackingToken then, GapAwareTrackingToken now) {
        SortedSet<Long> filled = new TreeSet<>(then.getGaps());
        filled.removeAll(now.getGaps());
        if (now.getIndex() == then.getIndex()) {
            return filled.size() == 1 ? filled.first() : null;
        }
        if (now.getIndex() > then.getIndex() && filled.isEmpty()
                && now.getGaps().subSet(then.getIndex() + 1, now.getIndex()).size() == now.getIndex() - then.getIndex() - 1) {
            return now.getIndex();
        }
        return null;
    }
}
