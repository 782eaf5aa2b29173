package org.jekafo.api.history;

import java.util.List;

/**
 * Pages of the histories of aggregates of one type ({@code Member}, {@code OrgUnit}…, as the event store records
 * it), read from the event store itself, one page per slice; answered with {@link HistoryPages}, in the same order.
 * An aggregate of another type, or unknown, has an empty history. Who may ask is declared per aggregate type by the
 * feature that owns it.
 */
public record FindHistoryQuery(String aggregateType, List<HistorySlice> slices) implements AggregateRead {

    @Override
    public List<String> aggregateIds() {
        return slices.stream().map(HistorySlice::aggregateId).toList();
    }
}
