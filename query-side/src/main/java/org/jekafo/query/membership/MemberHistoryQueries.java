package org.jekafo.query.membership;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.membership.FieldChange;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.HistoryEntryView;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A member's history read from the event store itself, not from a projection: every event, with its time,
 * type, actor, role, channel, correlation and the fields it set.
 */
@Component
class MemberHistoryQueries {

    private final EventStore eventStore;

    MemberHistoryQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    List<HistoryEntryView> handle(FindMemberHistoryQuery query) {
        List<HistoryEntryView> entries = new ArrayList<>();
        eventStore.readEvents(query.memberId()).asStream().forEach(event -> entries.add(entry(event)));
        boolean isMember = !entries.isEmpty()
                && entries.get(0).type().equals(MemberRegisteredEvent.class.getSimpleName());
        return isMember ? entries : List.of();
    }

    private static HistoryEntryView entry(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        String capturedAt = text(metaData.get(MetadataKeys.CAPTURED_AT));
        return new HistoryEntryView(event.getSequenceNumber(), event.getIdentifier(), event.getTimestamp(),
                event.getPayloadType().getSimpleName(), text(metaData.get(MetadataKeys.PRINCIPAL)),
                text(metaData.get(MetadataKeys.ROLE)), text(metaData.get(MetadataKeys.CHANNEL)),
                text(metaData.get(MetadataKeys.CORRELATION_ID)), text(metaData.get(MetadataKeys.CAUSATION_ID)),
                capturedAt == null ? null : Instant.parse(capturedAt), changes(event.getPayload()));
    }

    /** The fields an event carries, except the member id every one of them repeats. */
    private static List<FieldChange> changes(Object payload) {
        List<FieldChange> changes = new ArrayList<>();
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return changes;
        }
        for (RecordComponent component : components) {
            if (component.getName().equals("memberId")) {
                continue;
            }
            try {
                Object value = component.getAccessor().invoke(payload);
                if (value != null) {
                    changes.add(new FieldChange(component.getName(), text(value)));
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
