package org.jekafo.app.platform.messaging;

import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The query bus of the embedded profiles (H2, PostgreSQL) as Axon's auto-configuration builds it, but without a
 * database transaction around every query: Axon's opens one (a pooled connection taken, its auto-commit switched
 * off and back, a commit) for each query, although almost every query reads Elasticsearch alone. With 20 clients
 * reading members, each read holding a connection for two queries while Elasticsearch answered, the pool of 16 was
 * a queue (read benchmark). A query that reads the database opens its own transaction (a history page,
 * {@code EventHistory}); the personal-data journal is written by a statement that commits before the answer leaves,
 * as before. With Axon Server ({@code axon.axonserver.enabled}) its own bus and local segment are used unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class LocalQueryBus {

    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }
}
