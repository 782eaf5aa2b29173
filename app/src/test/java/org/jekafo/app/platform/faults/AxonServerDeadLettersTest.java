package org.jekafo.app.platform.faults;

import io.axoniq.axonserver.grpc.MetaDataValue;
import org.axonframework.axonserver.connector.event.axon.GrpcMetaDataAwareSerializer;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dead-letter queues' serializer on Axon Server copies an event's stored bytes, as read from Axon Server,
 * without reading its payload: here a payload no serializer can read (as one whose personal-data key row is lost).
 * With the event serializer alone (Axon's default queue), parking it would read it first and fail.
 */
class AxonServerDeadLettersTest {

    private static final byte[] STORED = "{\"lastName\":\"chiffré\"}".getBytes(StandardCharsets.UTF_8);

    private final Serializer eventSerializer = new Unreadable();
    /** How Axon Server's event store hands events to processors: its own wrapper around the event serializer. */
    private final SerializedMessage<Object> readFromAxonServer = new SerializedMessage<>("event-1",
            new SimpleSerializedObject<>(STORED, byte[].class, "MemberRegisteredEvent", "1"),
            new SimpleSerializedObject<>(Map.of("traceId", MetaDataValue.newBuilder().setTextValue("t-1").build(),
                    "role", MetaDataValue.newBuilder().setTextValue("EXECUTIVE_BUREAU").build()), Map.class,
                    MetaData.class.getName(), null), new GrpcMetaDataAwareSerializer(eventSerializer));

    @Test
    void anUnreadableEventReadFromAxonServerIsParkedAsStored() {
        SerializedObject<byte[]> parked = readFromAxonServer.serializePayload(
                new ParkedAsStored(eventSerializer), byte[].class);

        assertThat(parked.getData()).isEqualTo(STORED);
        assertThat(parked.getType().getName()).isEqualTo("MemberRegisteredEvent");
        assertThat(parked.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void itsMetadataInAxonServersOwnFormIsWrittenAsTheEventSerializerWritesItAndReadsBack() {
        Serializer queue = new ParkedAsStored(eventSerializer);

        SerializedObject<byte[]> parked = readFromAxonServer.serializeMetaData(queue, byte[].class);

        MetaData read = new JacksonSerializer.Builder().build().deserialize(parked);
        assertThat(read).containsEntry("traceId", "t-1").containsEntry("role", "EXECUTIVE_BUREAU").hasSize(2);
        assertThat((Object) queue.deserialize(parked)).isEqualTo(read);
    }

    @Test
    void withTheEventSerializerAloneParkingWouldReadThePayloadFirst() {
        assertThatThrownBy(() -> readFromAxonServer.serializePayload(eventSerializer, byte[].class))
                .isInstanceOf(SerializationException.class);
    }

    /** Reads nothing, like the personal-data serializer without a key; writes and converts as Jackson does. */
    private static final class Unreadable extends JacksonSerializer {

        Unreadable() {
            super(JacksonSerializer.builder());
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            if (!MetaData.class.getName().equals(serializedObject.getType().getName())) {
                throw new SerializationException("clé introuvable");
            }
            return super.deserialize(serializedObject);
        }
    }
}
