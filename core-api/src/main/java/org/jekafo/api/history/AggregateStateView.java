package org.jekafo.api.history;

import org.jekafo.api.common.Masks;
import org.jekafo.api.common.PersonalDataView;

import java.time.Instant;
import java.util.List;

/**
 * An aggregate's record as it stood after its event {@code sequence} (received at {@code lastEventAt}), rebuilt from
 * the {@code eventCount} events up to it: each field with the event that set it. {@code exists} is false (and the
 * rest empty) when the aggregate had no event by then, is unknown, or is of another type than the one asked for.
 */
public record AggregateStateView(String aggregateType, String aggregateId, boolean exists, Long sequence,
                                 Instant lastEventAt, long eventCount, List<RecordFieldValue> fields,
                                 List<String> dataSubjects) implements PersonalDataView<AggregateStateView> {

    /** No state: no event by then, or no such aggregate of that type. */
    public static AggregateStateView none(String aggregateType, String aggregateId) {
        return new AggregateStateView(aggregateType, aggregateId, false, null, null, 0, List.of(), List.of());
    }

    /** This state with phone numbers and national identity numbers masked ({@link Masks}). */
    @Override
    public AggregateStateView masked() {
        return new AggregateStateView(aggregateType, aggregateId, exists, sequence, lastEventAt, eventCount,
                fields.stream().map(f -> new RecordFieldValue(f.field(), Masks.field(f.field(), f.value()),
                        f.sequence(), f.eventName(), f.setAt())).toList(), dataSubjects);
    }
}
