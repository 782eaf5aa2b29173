package org.jekafo.command.integrity;

import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.jekafo.integrity.StoredEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** How an Axon Server event becomes the row the chain hashes: its fields as stored, its metadata in canonical bytes. */
class AxonServerStoredEventsTest {

    private static final MetaDataValue PRINCIPAL = MetaDataValue.newBuilder().setTextValue("bureau-1").build();
    private static final MetaDataValue ATTEMPT = MetaDataValue.newBuilder().setNumberValue(2).build();

    @Test
    void theMetadataBytesAreTheSameWhateverOrderItsEntriesCameIn() {
        Event oneWay = event().putMetaData("principal", PRINCIPAL).putMetaData("attempt", ATTEMPT).build();
        Event otherWay = event().putMetaData("attempt", ATTEMPT).putMetaData("principal", PRINCIPAL).build();

        assertThat(oneWay.toByteArray()).as("protobuf's ordinary encoding follows the order of insertion")
                .isNotEqualTo(otherWay.toByteArray());
        assertThat(AxonServerStoredEvents.metaData(oneWay)).isEqualTo(AxonServerStoredEvents.metaData(otherWay));
    }

    @Test
    void theMetadataBytesAreAnEventHoldingOnlyItsMetadataInKeyOrder() throws Exception {
        Event stored = event().putMetaData("principal", PRINCIPAL).putMetaData("attempt", ATTEMPT).build();

        byte[] bytes = AxonServerStoredEvents.metaData(stored);

        Event read = Event.parseFrom(bytes);
        assertThat(read.getMetaDataMap()).isEqualTo(stored.getMetaDataMap());
        assertThat(read.getMessageIdentifier()).isEmpty();
        assertThat(read.hasPayload()).isFalse();
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1).indexOf("attempt"))
                .isLessThan(new String(bytes, StandardCharsets.ISO_8859_1).indexOf("principal"));
        assertThat(AxonServerStoredEvents.metaData(event().build())).isEmpty();
    }

    @Test
    void everyStoredFieldIsTakenAsAxonServerHoldsIt() {
        Event stored = event().putMetaData("principal", PRINCIPAL).build();

        StoredEvent row = AxonServerStoredEvents.stored(41, stored);

        assertThat(row.globalIndex()).isEqualTo(41);
        assertThat(row.eventIdentifier()).isEqualTo("event-1");
        assertThat(row.aggregateIdentifier()).isEqualTo("member-1");
        assertThat(row.sequenceNumber()).isEqualTo(3);
        assertThat(row.aggregateType()).isEqualTo("Member");
        assertThat(row.payloadType()).isEqualTo("MemberPhoneChangedEvent");
        assertThat(row.payloadRevision()).isEqualTo("1");
        assertThat(row.timestamp()).isEqualTo("2026-12-07T10:15:30.123Z");
        assertThat(row.payload()).isEqualTo("{\"phone\":\"enc:AAEC\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(row.metaData()).isEqualTo(AxonServerStoredEvents.metaData(stored));
    }

    private static Event.Builder event() {
        return Event.newBuilder().setMessageIdentifier("event-1").setAggregateIdentifier("member-1")
                .setAggregateSequenceNumber(3).setAggregateType("Member").setTimestamp(1_796_638_530_123L)
                .setPayload(SerializedObject.newBuilder().setType("MemberPhoneChangedEvent").setRevision("1")
                        .setData(ByteString.copyFromUtf8("{\"phone\":\"enc:AAEC\"}")));
    }
}
