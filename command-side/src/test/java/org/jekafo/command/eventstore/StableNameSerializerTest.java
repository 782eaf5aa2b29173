package org.jekafo.command.eventstore;

import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StableNameSerializerTest {

    private static final MemberPhoneChangedEvent PHONE = new MemberPhoneChangedEvent("m-1", "+22376123456");

    private final Serializers serializers = new Serializers();
    private final StableNameSerializer serializer = serializers.current();

    @Test
    void anEventIsStoredUnderItsStableNameAndRevision() {
        SerializedObject<byte[]> stored = serializer.serialize(PHONE, byte[].class);

        assertThat(stored.getType()).isEqualTo(new SimpleSerializedType("MemberPhoneChangedEvent", "1"));
        assertThat(serializer.typeForClass(MemberPhoneChangedEvent.class)).isEqualTo(stored.getType());
    }

    @Test
    void anEventReadsBackByItsStableName() {
        assertThat(serializer.<byte[], Object>deserialize(serializer.serialize(PHONE, byte[].class))).isEqualTo(PHONE);
        assertThat(serializer.classForType(new SimpleSerializedType("MemberPhoneChangedEvent", "1")))
                .isEqualTo(MemberPhoneChangedEvent.class);
    }

    @Test
    void personalDataIsStillEncrypted() {
        String stored = new String(serializer.serialize(PHONE, byte[].class).getData(), StandardCharsets.UTF_8);

        assertThat(stored).contains("\"phone\":\"jekafo:enc:v1:").doesNotContain("76123456");
    }

    @Test
    void anEventStoredUnderItsClassNameBeforeStableNamesReadsAsItWas() {
        SerializedObject<byte[]> legacy = serializers.legacy.serialize(PHONE, byte[].class);
        assertThat(legacy.getType()).isEqualTo(new SimpleSerializedType(MemberPhoneChangedEvent.class.getName(), null));

        assertThat(serializer.<byte[], Object>deserialize(legacy)).isEqualTo(PHONE);
        assertThat(serializer.classForType(legacy.getType())).isEqualTo(MemberPhoneChangedEvent.class);
    }

    @Test
    void aStoredRevisionWithoutItsUpcasterFailsLoudly() {
        SerializedObject<byte[]> stored = serializer.serialize(new OrgUnitRenamedEvent("ou-1", "Ségou", "Ségou Centre"), byte[].class);
        SerializedObject<byte[]> newer = new SimpleSerializedObject<>(stored.getData(), byte[].class,
                new SimpleSerializedType("OrgUnitRenamedEvent", "7"));

        assertThatThrownBy(() -> serializer.deserialize(newer)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("OrgUnitRenamedEvent revision 7 has no upcaster to its declared revision 1");
        assertThatThrownBy(() -> serializer.classForType(newer.getType())).isInstanceOf(SerializationException.class);
    }

    @Test
    void whatIsNoEventKeepsTheWrappedSerializersType() {
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("principal", "awa"), byte[].class);

        assertThat(metaData.getType()).isEqualTo(serializers.jackson.typeForClass(MetaData.class));
        assertThat(serializer.<byte[], MetaData>deserialize(metaData)).isEqualTo(MetaData.with("principal", "awa"));
    }
}
