package org.jekafo.api.membership;

import org.jekafo.api.common.PersonalDataView;
import org.jekafo.api.history.HistoryEntryView;

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
        return new MemberHistoryView(memberId, entries.stream().map(HistoryEntryView::masked).toList());
    }
}
