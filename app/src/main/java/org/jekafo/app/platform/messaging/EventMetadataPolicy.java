package org.jekafo.app.platform.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.jekafo.api.common.EventMetadata;
import org.jekafo.api.common.MetadataKeys;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which metadata each event is stored with, decided per event type as it is published, before anything is
 * written: by default what it inherits from its command ({@link #DEFAULT}); an event type annotated with
 * {@link EventMetadata} is stored without the keys it names. Nothing else reaches the store: a command's other
 * metadata (the sender's unit, which the gate reads) stays with the command.
 */
@Component
public class EventMetadataPolicy {

    /** What every event carries unless its type says otherwise. */
    public static final List<String> DEFAULT = List.of(MetadataKeys.PRINCIPAL, MetadataKeys.ROLE,
            MetadataKeys.CHANNEL, MetadataKeys.CLIENT_COMMAND_ID, MetadataKeys.CAPTURED_AT,
            MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID);

    private final Map<Class<?>, Set<String>> omittedByType = new ConcurrentHashMap<>();

    EventMetadataPolicy(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(events -> (index, event) -> storedForm(event));
    }

    /** The event as it may be stored: its metadata without what its type must never carry. */
    public EventMessage<?> storedForm(EventMessage<?> event) {
        Set<String> omitted = omittedBy(event.getPayloadType());
        if (omitted.isEmpty() || omitted.stream().noneMatch(event.getMetaData()::containsKey)) {
            return event;
        }
        Map<String, Object> kept = new HashMap<>(event.getMetaData());
        kept.keySet().removeAll(omitted);
        return event.withMetaData(MetaData.from(kept));
    }

    /** The keys events of {@code type} are stored without. */
    public Set<String> omittedBy(Class<?> type) {
        return omittedByType.computeIfAbsent(type, t -> {
            EventMetadata declared = t.getAnnotation(EventMetadata.class);
            return declared == null ? Set.of() : Set.of(declared.without());
        });
    }
}
