package org.jekafo.app.platform.faults;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' dead-letter queues on Axon Server ({@code axon.axonserver.enabled}), in the database as on the
 * other profiles, but parking an event as it was stored.
 *
 * <p>Axon copies a parked event's stored bytes only when the queue's serializer equals the one the event was read
 * with; otherwise it serializes the payload again, which means reading it first. Events read from Axon Server
 * carry Axon Server's serializer (the event serializer in Axon Server's wrapper), so with Axon's default queue an
 * event whose payload cannot be read — its personal-data key row lost — could not be parked either: the
 * projection refused its whole batch again and again instead of parking that one event, and an erased member's
 * event was encrypted again. The queue here serializes with {@link ParkedAsStored}, equal to Axon Server's: the
 * stored bytes are copied, whatever they hold, and read back through the event serializer when the letter is
 * retried. Everything else is Axon's default queue.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
class AxonServerDeadLetters {

    /** Replaces Axon's own module (which backs off when one exists) for every processor whose queue is enabled. */
    @Bean
    DeadLetterQueueProviderConfigurerModule deadLetterQueueProviderConfigurerModule(
            EventProcessorProperties processors, ConnectionProvider connections, TransactionManager transactions,
            DeadLetterSchema schema, @Qualifier("eventSerializer") Serializer eventSerializer,
            Serializer genericSerializer) {
        Serializer asStored = new ParkedAsStored(eventSerializer);
        return new DeadLetterQueueProviderConfigurerModule(processors, processingGroup -> configuration ->
                JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(processingGroup)
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .schema(schema)
                        .genericSerializer(genericSerializer)
                        .eventSerializer(asStored)
                        .build());
    }
}
