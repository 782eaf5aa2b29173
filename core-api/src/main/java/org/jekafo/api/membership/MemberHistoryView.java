package org.jekafo.api.membership;

import org.jekafo.api.common.Masks;
import org.jekafo.api.common.PersonalDataView;

import java.util.List;

/**
 * A member's events, oldest first; empty for an unknown member. A record rather than a bare list: a serialized
 * response carries its class name only, and a list's elements would come back as maps.
 */
public record MemberHistoryView(String memberId, List<HistoryEntryView> entries)
        implements PersonalDataView<MemberHistoryView> {

    @Override
    public List<String> dataSubjects() {
        return entries.isEmpty() ? List.of() : List.of(memberId);
    }

    /** Phone numbers and national identity numbers the events set, masked. */
    @Override
    public MemberHistoryView masked() {
        return new MemberHistoryView(memberId, entries.stream().map(entry -> new HistoryEntryView(entry.sequence(),
                entry.eventId(), entry.occurredAt(), entry.type(), entry.principal(), entry.role(), entry.channel(),
                entry.correlationId(), entry.causationId(), entry.capturedAt(), entry.changes().stream()
                .map(change -> new FieldChange(change.field(), Masks.field(change.field(), change.value()),
                        Masks.field(change.field(), change.previousValue())))
                .toList())).toList());
    }
}
