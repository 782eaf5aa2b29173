package org.jekafo.command.eventstore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.jekafo.api.common.EventName;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upcaster chain as the event stores run it: legacy class names first, then revision upcasters. */
class EventUpcastingTest {

    /** Revision 2 of a test event: revision 1 stored the text as {@code body}. */
    @EventName(value = "NoteWrittenEvent", revision = "2")
    record NoteWrittenEvent(@JsonProperty("noteId") String noteId, @JsonProperty("text") String text) {
    }

    /** The example of a revision upcaster: a stored field renamed between revisions 1 and 2. */
    static final class NoteBodyRenamedToText extends JsonRevisionUpcaster {

        NoteBodyRenamedToText() {
            super("NoteWrittenEvent", "1", "2");
        }

        @Override
        protected ObjectNode upcast(ObjectNode event) {
            event.set("text", event.remove("body"));
            return event;
        }
    }

    private final Serializers serializers = new Serializers();
    private final StableNameSerializer serializer = serializers.current(EventTypes.of(NoteWrittenEvent.class,
            MemberRegisteredEvent.class));

    private IntermediateEventRepresentation stored(SerializedType type, String json) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Note", "n-1", 0, "e-1", Instant.EPOCH,
                type.getName(), type.getRevision(), json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }

    private static IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored, EventUpcaster... upcasters) {
        List<IntermediateEventRepresentation> upcasted = new EventUpcasterChain(upcasters).upcast(java.util.stream.Stream.of(stored)).toList();
        assertThat(upcasted).hasSize(1);
        return upcasted.get(0);
    }

    private Object read(IntermediateEventRepresentation representation) {
        SerializedObject<?> data = representation.getData();
        return serializer.deserialize(data);
    }

    @Test
    void aClassNameStoredWithoutRevisionIsReadAsItsStableNameRevisionOne() {
        SerializedType legacy = new SimpleSerializedType(MemberRegisteredEvent.class.getName(), null);

        IntermediateEventRepresentation upcasted = upcast(stored(legacy, "{\"memberId\":\"m-1\"}"), new LegacyEventTypeUpcaster());

        assertThat(upcasted.getType()).isEqualTo(new SimpleSerializedType("MemberRegisteredEvent", "1"));
        assertThat(((MemberRegisteredEvent) read(upcasted)).memberId()).isEqualTo("m-1");
    }

    @Test
    void aStableNameOrATypeOutsideTheApiIsLeftAsItIs() {
        SerializedType stable = new SimpleSerializedType("MemberRegisteredEvent", "1");
        SerializedType foreign = new SimpleSerializedType("com.example.SomethingEvent", null);

        assertThat(upcast(stored(stable, "{}"), new LegacyEventTypeUpcaster()).getType()).isEqualTo(stable);
        assertThat(upcast(stored(foreign, "{}"), new LegacyEventTypeUpcaster()).getType()).isEqualTo(foreign);
    }

    @Test
    void aRevisionUpcasterBringsAnOldRevisionToTheDeclaredOne() {
        SerializedType revisionOne = new SimpleSerializedType("NoteWrittenEvent", "1");

        IntermediateEventRepresentation upcasted = upcast(stored(revisionOne, "{\"noteId\":\"n-1\",\"body\":\"bonjour\"}"),
                new LegacyEventTypeUpcaster(), new NoteBodyRenamedToText());

        assertThat(upcasted.getType()).isEqualTo(new SimpleSerializedType("NoteWrittenEvent", "2"));
        assertThat(read(upcasted)).isEqualTo(new NoteWrittenEvent("n-1", "bonjour"));
    }

    @Test
    void theDeclaredRevisionIsNotUpcastAgain() {
        SerializedType revisionTwo = new SimpleSerializedType("NoteWrittenEvent", "2");

        IntermediateEventRepresentation upcasted = upcast(stored(revisionTwo, "{\"noteId\":\"n-1\",\"text\":\"bonjour\"}"),
                new LegacyEventTypeUpcaster(), new NoteBodyRenamedToText());

        assertThat(read(upcasted)).isEqualTo(new NoteWrittenEvent("n-1", "bonjour"));
    }

    @Test
    void anOldRevisionWithoutItsUpcasterFailsLoudly() {
        SerializedType revisionOne = new SimpleSerializedType("NoteWrittenEvent", "1");

        IntermediateEventRepresentation notUpcasted = upcast(stored(revisionOne, "{\"noteId\":\"n-1\",\"body\":\"bonjour\"}"),
                new LegacyEventTypeUpcaster());

        assertThatThrownBy(() -> read(notUpcasted)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("NoteWrittenEvent revision 1 has no upcaster to its declared revision 2");
    }
}
