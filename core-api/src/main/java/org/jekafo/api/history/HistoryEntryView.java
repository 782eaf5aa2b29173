package org.jekafo.api.history;

import org.jekafo.api.common.Masks;

import java.time.Instant;
import java.util.List;

/**
 * One event of an aggregate's history, read from the event store: of which aggregate type ({@code Member},
 * {@code OrgUnit}…), when it was received and captured, what (its stable name, {@code @EventName}), who (and in which
 * role), through which channel, which request (correlation) and message (causation) led to it, and the fields it set.
 */
public record HistoryEntryView(String aggregateType, long sequence, String eventId, Instant occurredAt, String type,
                               String principal, String role, String channel, String correlationId,
                               String causationId, Instant capturedAt, List<FieldChange> changes) {

    /** The event's stable name ({@link #type()}), as the generic history shows it. */
    public String eventName() {
        return type;
    }

    /** This entry with phone numbers and national identity numbers masked ({@link Masks}), before and after. */
    public HistoryEntryView masked() {
        return new HistoryEntryView(aggregateType, sequence, eventId, occurredAt, type, principal, role, channel,
                correlationId, causationId, capturedAt, changes.stream().map(change -> new FieldChange(change.field(),
                Masks.field(change.field(), change.value()), Masks.field(change.field(), change.previousValue())))
                .toList());
    }
}
