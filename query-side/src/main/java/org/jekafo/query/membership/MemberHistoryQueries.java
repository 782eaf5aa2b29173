package org.jekafo.query.membership;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.common.StableNames;
import org.jekafo.api.membership.FieldChange;
import org.jekafo.api.membership.FindMemberHistoriesQuery;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.MemberHistories;
import org.jekafo.api.membership.HistoryEntryView;
import org.jekafo.api.membership.MemberHistoryView;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member's history read from the event store itself, not from a projection: every event, with its time,
 * type, actor, role, channel, correlation and the fields it set. Types and fields are shown by their stable, stored
 * names ({@code @EventName}, {@code @JsonProperty}), never by Java names: renaming a class or a component changes
 * nothing auditors read.
 */
@Component
class MemberHistoryQueries {

    private final EventStore eventStore;

    MemberHistoryQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The fields of the member's record (those a registration sets): a later change shows the value it replaced. */
    private static final Set<String> RECORD_FIELDS = Arrays.stream(MemberRegisteredEvent.class.getRecordComponents())
            .map(StableNames::fieldName).collect(Collectors.toUnmodifiableSet());

    @QueryHandler
    MemberHistoryView handle(FindMemberHistoryQuery query) {
        List<HistoryEntryView> entries = new ArrayList<>();
        Map<String, String> record = new HashMap<>();
        eventStore.readEvents(query.memberId()).asStream().forEach(event -> entries.add(entry(event, record)));
        boolean isMember = !entries.isEmpty()
                && entries.get(0).type().equals(StableNames.eventName(MemberRegisteredEvent.class));
        return new MemberHistoryView(query.memberId(), isMember ? entries : List.of());
    }

    @QueryHandler
    MemberHistories handle(FindMemberHistoriesQuery query) {
        return new MemberHistories(query.memberIds().stream()
                .map(memberId -> handle(new FindMemberHistoryQuery(memberId))).toList());
    }

    private static HistoryEntryView entry(DomainEventMessage<?> event, Map<String, String> record) {
        MetaData metaData = event.getMetaData();
        String capturedAt = text(metaData.get(MetadataKeys.CAPTURED_AT));
        return new HistoryEntryView(event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                StableNames.eventName(event.getPayloadType()), text(metaData.get(MetadataKeys.PRINCIPAL)),
                text(metaData.get(MetadataKeys.ROLE)), text(metaData.get(MetadataKeys.CHANNEL)),
                text(metaData.get(MetadataKeys.CORRELATION_ID)), text(metaData.get(MetadataKeys.CAUSATION_ID)),
                capturedAt == null ? null : Instant.parse(capturedAt), changes(event.getPayload(), record));
    }

    /**
     * The fields an event carries, except the member id every one of them repeats, each with the value the record
     * held before; {@code record} is the member's record as the events so far set it.
     */
    private static List<FieldChange> changes(Object payload, Map<String, String> record) {
        List<FieldChange> changes = new ArrayList<>();
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return changes;
        }
        for (RecordComponent component : components) {
            String field = StableNames.fieldName(component);
            if (field.equals("memberId")) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(payload);
                if (value != null) {
                    String now = text(value);
                    String before = RECORD_FIELDS.contains(field) ? record.put(field, now) : null;
                    changes.add(new FieldChange(field, now, before));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
        return changes;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value == null ? null : String.valueOf(value);
    }
}
