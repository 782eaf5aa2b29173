package org.jekafo.api.history;

/**
 * The part of one aggregate's history a page shows, by sequence number (Relay's arguments, cursors already opened):
 * the events after {@code after} and before {@code before} (both excluded, either absent), then the first
 * {@code first} of them, then the last {@code last} of those. Without {@code first} and {@code last}, all of them.
 */
public record HistorySlice(String aggregateId, Long after, Long before, Integer first, Integer last) {

    public HistorySlice {
        if ((first != null && first < 0) || (last != null && last < 0)) {
            throw new IllegalArgumentException("a page counts 0 entries or more");
        }
    }

    /** The whole history of an aggregate. */
    public static HistorySlice all(String aggregateId) {
        return new HistorySlice(aggregateId, null, null, null, null);
    }
}
