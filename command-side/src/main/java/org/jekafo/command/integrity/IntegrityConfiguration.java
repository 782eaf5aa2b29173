package org.jekafo.command.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * The chainer and the store reader where the events are in the relational store (embedded H2, PostgreSQL). With
 * Axon Server (profile {@code axonserver}) there is no relational event table: nothing is chained, and a log line
 * says so at startup (README, Tamper evidence).
 */
@Configuration(proxyBeanMethods = false)
class IntegrityConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    static class RelationalStore {

        @Bean
        StoredEvents storedEvents(JdbcTemplate jdbc) {
            return new JdbcStoredEvents(jdbc);
        }

        @Bean
        Chainer chainer(StoredEvents store, EventChain chain, TransactionTemplate transactions,
                        @Value("${jekafo.integrity.gap-window:10s}") Duration gapWindow) {
            return new Chainer(store, chain, transactions, gapWindow);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true", matchIfMissing = true)
    static class AxonServerStore {

        AxonServerStore() {
            LOG.info("Tamper evidence: the events are in Axon Server, the chainer is off and verifyIntegrity refuses "
                    + "(README, Tamper evidence)");
        }
    }
}
