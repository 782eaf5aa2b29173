package org.jekafo.command.eventstore;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.jekafo.command.personaldata.PersonalDataKeys;
import org.jekafo.command.personaldata.PersonalDataSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Axon's {@code eventSerializer}: events stored under their stable names ({@link StableNameSerializer}), their
 * personal data encrypted ({@link PersonalDataSerializer}), as JSON (the general serializer, which the settings make
 * Jackson). Axon's auto-configuration then leaves out its own and hands this one to the configuration, so the JDBC
 * event store (default and {@code postgres} profiles), Axon Server's event store ({@code axonserver} profile) and the
 * dead-letter queues all store events through it; both event stores read through the upcaster chain, which starts
 * with {@link LegacyEventTypeUpcaster}.
 */
@Configuration(proxyBeanMethods = false)
class EventSerializerConfiguration {

    /** The API's events by stable name; the application does not start when one lacks its name. */
    @Bean
    EventTypes eventTypes() {
        return EventTypes.scan(EventTypes.API_PACKAGE);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer, PersonalDataKeys keys, EventTypes events) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("events need the Jackson serializer (axon.serializer.general: jackson), not "
                    + serializer.getClass().getName());
        }
        return new StableNameSerializer(new PersonalDataSerializer(jackson, keys), events);
    }

    /** First of the chain: revision upcasters, later beans, see only stable names. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    EventUpcaster legacyEventTypeUpcaster() {
        return new LegacyEventTypeUpcaster();
    }
}
