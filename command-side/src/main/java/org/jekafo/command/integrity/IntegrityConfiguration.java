package org.jekafo.command.integrity;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * The store reader, where the events are: Axon's JDBC table (embedded H2, PostgreSQL), or Axon Server's event
 * stream (profile {@code axonserver}); and the chainer over it. The chain is in the relational database either way.
 */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    StoredEvents relationalStoredEvents(JdbcTemplate jdbc) {
        return new JdbcStoredEvents(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    StoredEvents axonServerStoredEvents(AxonServerConnectionManager connections, EventChain chain) {
        return new AxonServerStoredEvents(connections, chain);
    }

    @Bean
    Chainer chainer(StoredEvents store, EventChain chain, TransactionTemplate transactions,
                    @Value("${jekafo.integrity.gap-window:60s}") Duration gapWindow) {
        return new Chainer(store, chain, transactions, gapWindow);
    }
}
