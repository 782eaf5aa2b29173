package org.jekafo.app.platform.messaging;

import org.axonframework.queryhandling.QueryBus;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * Puts the {@link SerializingQueryBus} in front of the application's query bus, so that every query an
 * integration test sends crosses the serializers as it would through Axon Server. The embedded profiles never
 * serialize a query: without this, a query that only works unserialized passes every test. On the {@code axonserver}
 * profile the real Axon Server does it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("!axonserver")
public class SerializedQueries {

    @Bean
    static BeanPostProcessor serializingQueryBus(BeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof QueryBus local) || bean instanceof SerializingQueryBus) {
                    return bean;
                }
                return new SerializingQueryBus(local, SingletonSupplier.of(() -> new AxonServerWire(
                        beans.getBean("messageSerializer", Serializer.class),
                        beans.getBean("serializer", Serializer.class))));
            }
        };
    }
}
