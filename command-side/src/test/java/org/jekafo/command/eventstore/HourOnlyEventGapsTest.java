package org.jekafo.command.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored with its time to the hour only (a secret ballot) looks up to an hour old when a reader meets it.
 * The events of transactions still committing below it in the global index (other ballots cast at the same moment)
 * must still reach the readers once they commit: the reader keeps its gaps below such an event.
 */
class HourOnlyEventGapsTest {

    private final Serializers serializers = new Serializers();
    private final JdbcDataSource dataSource = new JdbcDataSource();

    HourOnlyEventGapsTest() {
        dataSource.setURL("jdbc:h2:mem:gaps-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2", "classpath:db/migration/common")
                .load().migrate();
    }

    @Test
    void anEventCommittedBelowAnHourOnlyEventIsReadOnceItCommits() throws SQLException {
        EventStorageEngine engine = new EventStoreConfiguration().eventStorageEngine(serializers.jackson,
                new JdbcSQLErrorCodesResolver(), serializers.current(),
                DefaultConfigurer.defaultConfiguration().buildConfiguration(), dataSource::getConnection,
                NoTransactionManager.INSTANCE);
        MemberPhoneChangedEvent concurrent = new MemberPhoneChangedEvent("m-1", "+22366554433");
        MemberPhoneChangedEvent hourOnly = new MemberPhoneChangedEvent("m-2", "+22376123456");
        try (Connection committingLater = dataSource.getConnection(); Connection committed = dataSource.getConnection()) {
            committingLater.setAutoCommit(false);
            insert(committingLater, "m-1", concurrent, Instant.now()); // takes the lower global index
            // what a secret ballot written at hh:30 stores: hh:00
            insert(committed, "m-2", hourOnly, Instant.now().minus(30, ChronoUnit.MINUTES));

            List<? extends TrackedEventMessage<?>> first = engine.readEvents(null, false).toList();
            assertThat(first).extracting(message -> (Object) message.getPayload()).containsExactly(hourOnly);
            TrackingToken token = first.get(0).trackingToken();

            committingLater.commit();
            assertThat(engine.readEvents(token, false).toList()).extracting(message -> (Object) message.getPayload())
                    .as("the event committed after the hour-only one above it").containsExactly(concurrent);
        }
    }

    private void insert(Connection connection, String memberId, Object event, Instant storedAt) throws SQLException {
        SerializedObject<byte[]> payload = serializers.current().serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = serializers.current().serialize(MetaData.emptyInstance(), byte[].class);
        try (var insert = connection.prepareStatement("insert into DomainEventEntry (aggregateIdentifier, sequenceNumber, "
                + "type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, memberId);
            insert.setLong(2, 0);
            insert.setString(3, "Member");
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, metaData.getData());
            insert.setBytes(6, payload.getData());
            insert.setString(7, payload.getType().getRevision());
            insert.setString(8, payload.getType().getName());
            insert.setString(9, storedAt.toString());
            insert.executeUpdate();
        }
    }
}
