package org.jekafo.command.eventstore;

import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jekafo.api.common.EventName;

import java.util.Objects;
import java.util.Optional;

/**
 * The event serializer as stores see it: an event is stored under its declared {@link EventName} and revision
 * instead of its class name, and read back by that name. Everything else (the payload's JSON, encryption of personal
 * data, metadata and other types) is the wrapped serializer's.
 *
 * <p>A stored revision other than the class's declared one fails loudly: an upcaster (see {@link JsonRevisionUpcaster})
 * must bring it to the declared revision first, never a silent skip. A type stored the old way (its class name, no
 * revision, see {@link LegacyEventTypes}) is normally renamed by {@link LegacyEventTypeUpcaster} while reading the store;
 * it is resolved here too for what is read without upcasters (dead letters parked before the change).
 */
public final class StableNameSerializer implements Serializer {

    private final Serializer delegate;
    private final EventTypes events;

    public StableNameSerializer(Serializer delegate, EventTypes events) {
        this.delegate = delegate;
        this.events = events;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
        Optional<SerializedType> stable = object == null ? Optional.empty() : events.typeOf(object.getClass());
        return stable.<SerializedObject<T>>map(type -> new SimpleSerializedObject<>(serialized.getData(),
                serialized.getContentType(), type)).orElse(serialized);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Optional<Class<?>> event = declaredClass(serializedObject.getType());
        if (event.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        SerializedType classType = delegate.typeForClass(event.get());
        return delegate.deserialize(new SimpleSerializedObject<>(serializedObject.getData(),
                serializedObject.getContentType(), classType));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return declaredClass(type).map(Class.class::cast).orElseGet(() -> delegate.classForType(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return events.typeOf(type).orElseGet(() -> delegate.typeForClass(type));
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    /** The event class a stored type names, checked against its declared revision; empty for a type that is no event. */
    private Optional<Class<?>> declaredClass(SerializedType stored) {
        SerializedType type = LegacyEventTypes.stableTypeOf(stored).orElse(stored);
        Optional<Class<?>> event = events.classOf(type.getName());
        event.ifPresent(declared -> {
            String revision = events.typeOf(declared).orElseThrow().getRevision();
            if (!Objects.equals(revision, type.getRevision())) {
                throw new SerializationException("stored event " + type.getName() + " revision " + type.getRevision()
                        + " has no upcaster to its declared revision " + revision);
            }
        });
        return event;
    }
}
