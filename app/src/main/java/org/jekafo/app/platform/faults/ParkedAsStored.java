package org.jekafo.app.platform.faults;

import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;

import java.util.Map;

/**
 * The serializer of the projections' dead-letter queues on Axon Server: a parked event's payload is copied as
 * Axon Server stored it, never read, and its metadata written as the event serializer writes it.
 *
 * <p>Axon copies a message's stored payload instead of serializing it again only when the queue's serializer
 * {@link #equals equals} the one the message was read with. Events read from Axon Server are read with
 * {@link GrpcMetaDataAwareSerializer} around the event serializer, so this serializer equals that one (an equality
 * asked only this way round, by Axon's {@code SerializedMessage}). The same test then copies the metadata, which
 * Axon Server hands over as a map of its own values: the {@link #getConverter() converter} turns that map into the
 * event serializer's bytes, as the default queue did by reading the metadata and writing it again. Everything read
 * back from the queue goes through Axon Server's wrapper, which reads bytes with the event serializer.
 */
final class ParkedAsStored implements Serializer {

    private final Serializer events;
    private final Serializer asRead;
    private final Converter converter;

    ParkedAsStored(Serializer events) {
        this.events = events;
        this.asRead = new GrpcMetaDataAwareSerializer(events);
        this.converter = new StoredForm();
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return events.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return events.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        return asRead.deserialize(serializedObject);
    }

    @Override
    public Class classForType(SerializedType type) {
        return events.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return events.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return converter;
    }

    /** Equal to the serializer Axon Server reads events with, around the same event serializer. */
    @Override
    public boolean equals(Object other) {
        return other == this || asRead.equals(other);
    }

    @Override
    public int hashCode() {
        return asRead.hashCode();
    }

    /** The event serializer's conversions, and Axon Server's metadata map to the event serializer's form. */
    private final class StoredForm implements Converter {

        @Override
        public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
            return events.getConverter().canConvert(sourceType, targetType) || Map.class.equals(sourceType);
        }

        @Override
        public <T> T convert(Object original, Class<?> sourceType, Class<T> targetType) {
            return events.getConverter().convert(original, sourceType, targetType);
        }

        @Override
        public <T> SerializedObject<T> convert(SerializedObject<?> original, Class<T> targetType) {
            if (Map.class.equals(original.getContentType())) {
                Object metaData = asRead.deserialize(original);
                return events.serialize(metaData, targetType);
            }
            return events.getConverter().convert(original, targetType);
        }
    }
}
