package org.jekafo.api.history;

import java.util.List;

/**
 * A query that reads aggregates of one type straight from the event store ({@link FindHistoryQuery},
 * {@link FindAggregateStateQuery}): whoever may read an aggregate's history may read its state as of any point, under
 * the one rule its feature declares for that aggregate type.
 */
public interface AggregateRead {

    /** The aggregate type, as the event store records it ({@code Member}, {@code OrgUnit}…). */
    String aggregateType();

    /** The aggregates read. */
    List<String> aggregateIds();
}
