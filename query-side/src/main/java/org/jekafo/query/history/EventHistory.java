package org.jekafo.query.history;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.history.AggregateStateView;
import org.jekafo.api.history.FindAggregateStateQuery;
import org.jekafo.api.history.FindHistoryQuery;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.history.HistoryPage;
import org.jekafo.api.history.HistoryPages;
import org.jekafo.api.history.HistorySlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The history of any aggregate, read from the event store itself (never from a projection, never from a snapshot),
 * a page at a time: every event with its time, stable name, actor, role, channel, correlation and the fields it set,
 * each with the value it replaced ({@link HistoryFold}). An aggregate of another type than the one asked for has no
 * history here, so a history cannot be read under another type's access rule.
 *
 * <p>A page reads the events up to its last entry (the record before it is needed for the values replaced) and only
 * counts the ones after it, without reading their payloads.
 *
 * <p>The same fold gives the state of an aggregate as of a time or a sequence number ({@link FindAggregateStateQuery}):
 * its record as the events up to that point left it, each field with the event that set it.
 *
 * <p>A page is read in one database transaction of its own: the query bus opens none around queries (most read only
 * Elasticsearch), and within one the personal-data keys that decrypt the events are read once per member.
 */
@Component
public class EventHistory {

    private final EventStore eventStore;
    private final TransactionManager transactions;

    @Autowired
    public EventHistory(EventStore eventStore, TransactionManager transactions) {
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    /** Without a database transaction (an in-memory store). */
    public EventHistory(EventStore eventStore) {
        this(eventStore, NoTransactionManager.INSTANCE);
    }

    @QueryHandler
    HistoryPages handle(FindHistoryQuery query) {
        return new HistoryPages(query.slices().stream().map(slice -> page(query.aggregateType(), slice)).toList());
    }

    @QueryHandler
    AggregateStateView handle(FindAggregateStateQuery query) {
        return transactions.fetchInTransaction(() -> state(query));
    }

    /**
     * The record of the aggregate as its events up to the query's time and sequence left it, folded as its history is
     * ({@link HistoryFold}); the events after that point are not read.
     */
    private AggregateStateView state(FindAggregateStateQuery query) {
        HistoryFold fold = new HistoryFold(query.aggregateId());
        DomainEventMessage<?> last = null;
        long count = 0;
        DomainEventStream events = eventStore.readEvents(query.aggregateId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!query.aggregateType().equals(event.getType())) {
                return AggregateStateView.none(query.aggregateType(), query.aggregateId());
            }
            if ((query.sequence() != null && event.getSequenceNumber() > query.sequence())
                    || (query.at() != null && event.getTimestamp().isAfter(query.at()))) {
                break;
            }
            fold.next(event);
            last = event;
            count++;
        }
        if (last == null) {
            return AggregateStateView.none(query.aggregateType(), query.aggregateId());
        }
        return new AggregateStateView(query.aggregateType(), query.aggregateId(), true, last.getSequenceNumber(),
                last.getTimestamp(), count, fold.record(), fold.dataSubjects());
    }

    /** One page of the history of the aggregate {@code slice} names, if it is of {@code aggregateType}. */
    public HistoryPage page(String aggregateType, HistorySlice slice) {
        return transactions.fetchInTransaction(() -> read(aggregateType, slice));
    }

    private HistoryPage read(String aggregateType, HistorySlice slice) {
        long from = slice.after() == null ? 0 : Math.max(slice.after(), -1) + 1;
        long to = slice.before() == null ? Long.MAX_VALUE : slice.before();
        boolean backward = slice.first() == null && slice.last() != null;
        Deque<HistoryEntryView> entries = new ArrayDeque<>();
        HistoryFold fold = new HistoryFold(slice.aggregateId());
        long count = 0;
        long lowest = Long.MAX_VALUE;
        long highest = Long.MIN_VALUE;
        DomainEventStream events = eventStore.readEvents(slice.aggregateId(), 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!aggregateType.equals(event.getType())) {
                return HistoryPage.empty(slice.aggregateId());
            }
            long sequence = event.getSequenceNumber();
            count++;
            lowest = Math.min(lowest, sequence);
            highest = Math.max(highest, sequence);
            boolean pageFull = slice.first() != null && entries.size() >= slice.first();
            if (count > 1 && (sequence >= to || pageFull)) {
                continue; // after the page: counted, not read
            }
            HistoryEntryView entry = fold.next(event);
            if (sequence >= from && sequence < to && !pageFull) {
                entries.addLast(entry);
                if (backward && entries.size() > slice.last()) {
                    entries.removeFirst();
                }
            }
        }
        if (count == 0) {
            return HistoryPage.empty(slice.aggregateId());
        }
        while (slice.last() != null && entries.size() > slice.last()) {
            entries.removeFirst();
        }
        long start = entries.isEmpty() ? (backward ? to : from) : entries.getFirst().sequence();
        long end = entries.isEmpty() ? start : entries.getLast().sequence() + 1;
        return new HistoryPage(slice.aggregateId(), List.copyOf(entries), count, lowest < start, highest >= end,
                fold.dataSubjects());
    }
}
