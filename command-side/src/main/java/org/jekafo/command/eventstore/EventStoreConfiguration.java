package org.jekafo.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

/**
 * The JDBC event store (embedded H2 by default, PostgreSQL with the {@code postgres} profile). Not used with
 * Axon Server, which is its own event store.
 *
 * <p>Its event store wakes its reader after database commits ({@link TransactionAwareEventStore}). Its
 * storage engine differs from Axon's default in one statement. A tracking reader that saw gaps in the global index
 * (transactions that had not committed yet) asks for "the next batch OR these gaps"; H2 answers that
 * {@code OR} with a full table scan, which made every poll slower as the store grew. Asking for the two
 * sets separately ({@code UNION ALL}) lets every database use the primary key.
 *
 * <p>Its gap timeout is {@link #GAP_TIMEOUT}, not Axon's minute: a reader keeps the gaps below an event only if that
 * event's stored time is within the gap timeout, and events stored with their time to the hour only (a secret ballot)
 * look up to an hour old the moment they are written. With a minute, each such event made the reader drop the gaps
 * below it, so the events of transactions still committing there (other members' ballots cast at the same moment)
 * were never read by any projection: 1,407 of 22,000 secret ballots missing from the turnout in the ballot benchmark.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreConfiguration {

    /** An hour (the coarsest stored time, {@code EventMetadata.hourOnly}) plus Axon's default minute. */
    static final Duration GAP_TIMEOUT = Duration.ofHours(1).plusMinutes(1);

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .readEventDataWithGaps(EventStoreConfiguration::readEventDataWithGaps)
                .gapTimeout((int) GAP_TIMEOUT.toMillis())
                .build();
    }

    /** Axon's, which its auto-configuration leaves out once the application defines the event store. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /** Axon's embedded event store (as its auto-configuration builds it), woken after database commits. */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return new TransactionAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
    }

    static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                   int batchSize, List<Long> gaps) throws SQLException {
        String fields = schema.trackedEventFields();
        String table = schema.domainEventTable();
        String index = schema.globalIndexColumn();
        String sql = "SELECT * FROM (SELECT " + fields + " FROM " + table + " WHERE " + index + " > ? AND " + index
                + " <= ? UNION ALL SELECT " + fields + " FROM " + table + " WHERE " + index + " IN ("
                + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")) batch ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
