package org.jekafo.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The base of an upcaster from one revision of a stable event name to the next: it receives a copy of the stored
 * JSON object of that revision and returns the next one's. Declare it as a Spring bean beside the event's feature:
 * Axon registers every {@code EventUpcaster} bean, in bean order, after {@link LegacyEventTypeUpcaster}; chain
 * 1→2, 2→3, … so that every stored revision reaches the one the class declares. Personal data fields are encrypted
 * text here: they can be renamed or moved, never read.
 */
public abstract class JsonRevisionUpcaster extends SingleEventUpcaster {

    private final SerializedType from;
    private final SerializedType to;

    protected JsonRevisionUpcaster(String eventName, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(eventName, fromRevision);
        this.to = new SimpleSerializedType(eventName, toRevision);
    }

    /** The stored form of the next revision, made from a copy of this revision's. */
    protected abstract ObjectNode upcast(ObjectNode event);

    @Override
    protected final boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType stored = representation.getType();
        return from.getName().equals(stored.getName()) && from.getRevision().equals(stored.getRevision());
    }

    @Override
    protected final IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, node -> upcast(((ObjectNode) node).deepCopy()));
    }
}
