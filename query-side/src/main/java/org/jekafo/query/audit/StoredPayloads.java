package org.jekafo.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jekafo.api.common.PersonalData;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An event's payload as the audit trail reads it: its personal data left out, never decrypted. The trail names the
 * personal fields an event set, never their values ({@link AuditDescription}); decrypting them only cost — a key
 * look-up per member and a decryption per field were over a third of the audit projection's time in a rebuild (JFR).
 * The payload is read from its stored form: each {@link PersonalData} field that holds a value is noted as set, then
 * replaced by what an erased field reads ({@link PersonalData#ERASED} for a text, null otherwise), which every event
 * type accepts; the rest is deserialized as usual. A field set by the event therefore reads as set whether or not the
 * member's data was erased since: a rebuild after an erasure writes the documents written before it.
 *
 * <p>A processor only handles events read from the event store: {@link EventMessage#serializePayload} then converts
 * the stored bytes (upcast) without deserializing them. (An event built in memory would be serialized by the event
 * serializer first, to the same stored form.)
 */
final class StoredPayloads {

    /** A payload with its personal fields emptied, and the stored names of those that held a value. */
    record Redacted(Object payload, Set<String> personalFieldsSet) {
    }

    private final Serializer eventSerializer;

    /** @param eventSerializer the serializer the event store wrote the events with */
    StoredPayloads(Serializer eventSerializer) {
        this.eventSerializer = eventSerializer;
    }

    Redacted read(EventMessage<?> event) {
        List<AuditDescription.Personal> personal = AuditDescription.personalFields(event.getPayloadType());
        if (personal.isEmpty()) {
            return new Redacted(event.getPayload(), Set.of());
        }
        SerializedObject<JsonNode> stored = event.serializePayload(eventSerializer, JsonNode.class);
        ObjectNode tree = (ObjectNode) stored.getData().deepCopy(); // an upcast event's tree is the message's own
        Set<String> set = new HashSet<>();
        for (AuditDescription.Personal field : personal) {
            JsonNode value = tree.get(field.name());
            if (value != null && !value.isNull()) {
                set.add(field.name());
                tree.set(field.name(), field.text() ? TextNode.valueOf(PersonalData.ERASED) : NullNode.getInstance());
            }
        }
        Object payload = eventSerializer.deserialize(
                new SimpleSerializedObject<>(tree, JsonNode.class, stored.getType()));
        return new Redacted(payload, Set.copyOf(set));
    }
}
