package org.jekafo.command.personaldata;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@link PersonalDataSerializer} as Axon's {@code eventSerializer}: Axon's auto-configuration then
 * leaves out its own and hands this one to the configuration, so the JDBC event store (default and
 * {@code postgres} profiles) and Axon Server's event store ({@code axonserver} profile) both store events
 * through it. It wraps the general serializer, which the settings make Jackson.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer, PersonalDataKeys keys) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("events need the Jackson serializer (axon.serializer.general: jackson), not "
                    + serializer.getClass().getName());
        }
        return new PersonalDataSerializer(jackson, keys);
    }
}
