package org.jekafo.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jekafo.api.common.StableNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The units an aggregate belongs to as its events leave it, whatever its type: the unit fields its first event set
 * (a member's {@code localUnitId}, a consultation's {@code orgUnitId}, a unit's own id and parent), each replaced by a
 * later event that sets it ({@code RecordField}). An event that names no unit concerns its aggregate's units at that
 * moment — a suspension concerns the member's unit of the time, not of today.
 *
 * <p>Kept in memory for the most recently seen aggregates, each entry with the sequence number of its aggregate's last
 * event applied: an entry is used only for the very next event of its aggregate, so a batch handled again, a segment
 * that moved between instances or a restart never reads a stale entry; they read the aggregate's events up to that
 * point from the event store instead (rare: a rebuild starts empty and sees every aggregate from its first event).
 */
final class AggregateUnits {

    /** The units of one aggregate after its event {@code sequence}, by record field. */
    private record Entry(long sequence, Map<String, List<String>> units) {
    }

    private final EventStore eventStore;
    private final Map<String, Entry> recent;

    AggregateUnits(EventStore eventStore, int capacity) {
        this.eventStore = eventStore;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        });
    }

    /**
     * The units the event {@code sequence} of {@code aggregateId} concerns, given what it names: those, else the
     * aggregate's units just before it. Remembers the aggregate's units after it.
     */
    List<String> concerned(String aggregateId, long sequence, AuditDescription.Described event) {
        Map<String, List<String>> before = sequence == 0 ? Map.of() : before(aggregateId, sequence);
        Map<String, List<String>> after = apply(before, sequence == 0, event.unitsByField());
        recent.put(aggregateId, new Entry(sequence, after));
        List<String> named = event.namedUnits();
        return named.isEmpty() ? flatten(before) : named;
    }

    /** The units of a member (or any aggregate) as last seen, else as its events up to {@code upTo} leave them. */
    List<String> current(String aggregateId, Predicate<DomainEventMessage<?>> upTo) {
        Entry entry = recent.get(aggregateId);
        return flatten(entry != null ? entry.units() : fold(aggregateId, upTo));
    }

    /** Forgets everything: a replay starts from the beginning. */
    void clear() {
        recent.clear();
    }

    private Map<String, List<String>> before(String aggregateId, long sequence) {
        Entry entry = recent.get(aggregateId);
        if (entry != null && entry.sequence() == sequence - 1) {
            return entry.units();
        }
        return fold(aggregateId, event -> event.getSequenceNumber() < sequence);
    }

    private static Map<String, List<String>> apply(Map<String, List<String>> before, boolean creation,
                                                   Map<String, List<String>> set) {
        if (creation) {
            return Map.copyOf(set);
        }
        Map<String, List<String>> after = new LinkedHashMap<>(before);
        set.forEach((field, units) -> after.computeIfPresent(field, (f, old) -> units));
        return after;
    }

    private Map<String, List<String>> fold(String aggregateId, Predicate<DomainEventMessage<?>> upTo) {
        Map<String, List<String>> units = Map.of();
        DomainEventStream events = eventStore.readEvents(aggregateId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!upTo.test(event)) {
                break;
            }
            String name = StableNames.eventName(event.getPayloadType());
            units = apply(units, event.getSequenceNumber() == 0,
                    AuditDescription.of(name, aggregateId, event.getPayload()).unitsByField());
        }
        return units;
    }

    private static List<String> flatten(Map<String, List<String>> units) {
        return Optional.ofNullable(units).map(u -> u.values().stream().flatMap(List::stream).distinct().toList())
                .orElse(List.of());
    }
}
