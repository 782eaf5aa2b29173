package org.jekafo.command.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jekafo.command.personaldata.PersonalDataSerializer;

/** The event serializers of tests: the one before stable names (class names as types) and today's. */
final class Serializers {

    final JacksonSerializer jackson = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
    final MemoryKeys keys = new MemoryKeys();
    /** The event serializer as it was before stable names: events stored under their class names, no revision. */
    final PersonalDataSerializer legacy = new PersonalDataSerializer(jackson, keys);

    /** Today's event serializer, knowing these events. */
    StableNameSerializer current(EventTypes events) {
        return new StableNameSerializer(new PersonalDataSerializer(jackson, keys), events);
    }

    /** Today's event serializer, knowing the API's events. */
    StableNameSerializer current() {
        return current(EventTypes.scan(EventTypes.API_PACKAGE));
    }
}
