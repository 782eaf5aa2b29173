package org.jekafo.api.history;

import java.util.List;

/**
 * One page of an aggregate's history, oldest first: its entries, how many events the whole history counts, whether
 * events come before and after the page, and the people whose personal data the history is about (the values of the
 * events' {@code @DataSubject} components; none for an org unit).
 */
public record HistoryPage(String aggregateId, List<HistoryEntryView> entries, long totalCount,
                          boolean hasPreviousPage, boolean hasNextPage, List<String> dataSubjects) {

    /** An aggregate without events (unknown, or of another type). */
    public static HistoryPage empty(String aggregateId) {
        return new HistoryPage(aggregateId, List.of(), 0, false, false, List.of());
    }

    /** This page with phone numbers and national identity numbers masked. */
    public HistoryPage masked() {
        return new HistoryPage(aggregateId, entries.stream().map(HistoryEntryView::masked).toList(), totalCount,
                hasPreviousPage, hasNextPage, dataSubjects);
    }
}
