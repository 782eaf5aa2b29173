package org.jekafo.api.history;

import java.time.Instant;
import java.util.List;

/**
 * The record of one aggregate as it stood at a point of its history, rebuilt from its events in the event store: the
 * events received at or before {@code at} and numbered at most {@code sequence} (either absent: no bound). Answered
 * with an {@link AggregateStateView}; an aggregate of another type, unknown, or not yet created then, has no state.
 */
public record FindAggregateStateQuery(String aggregateType, String aggregateId, Instant at, Long sequence)
        implements AggregateRead {

    @Override
    public List<String> aggregateIds() {
        return List.of(aggregateId);
    }
}
