package org.jekafo.command.eventstore;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before events had stable names (payload type the class's full name, no revision, written by the
 * serializer of that time) reads back through today's serializer and upcaster chain, as the JDBC event store is
 * configured, on H2 and on the local PostgreSQL; new events land beside them under their stable names.
 */
class LegacyEventStoreTest {

    private static final String MEMBER = "m-legacy";
    private static final MemberRegisteredEvent REGISTERED = new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré",
            "Awa", Gender.F, 1985, "+22376123456", "42933751431545Y", List.of("COUTURE"), "ou-sg-03", false,
            LocalDate.of(2024, 3, 1), false);
    private static final MemberPhoneChangedEvent PHONE = new MemberPhoneChangedEvent(MEMBER, "+22366554433");
    private static final OrgUnitCreatedEvent UNIT = new OrgUnitCreatedEvent("ou-sg", "SG", "Ségou", OrgUnitLevel.REGIONAL, null);

    private final Serializers serializers = new Serializers();

    abstract class Store {

        abstract DataSource dataSource();

        private JdbcEventStorageEngine engine() {
            return JdbcEventStorageEngine.builder()
                    .eventSerializer(serializers.current())
                    .snapshotSerializer(serializers.jackson)
                    .upcasterChain(new EventUpcasterChain(new LegacyEventTypeUpcaster()))
                    .connectionProvider(dataSource()::getConnection)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .schema(new EventSchema())
                    .build();
        }

        /** A row as the event store wrote it before stable names: the old event serializer's type and JSON. */
        private void storeTheOldWay(String aggregateType, String aggregateId, long sequence, Object event) {
            SerializedObject<byte[]> payload = serializers.legacy.serialize(event, byte[].class);
            SerializedObject<byte[]> metaData = serializers.legacy.serialize(MetaData.with("principal", "awa.traore"), byte[].class);
            new JdbcTemplate(dataSource()).update("insert into DomainEventEntry (aggregateIdentifier, sequenceNumber, type, "
                            + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    aggregateId, sequence, aggregateType, UUID.randomUUID().toString(), metaData.getData(), payload.getData(),
                    payload.getType().getRevision(), payload.getType().getName(), "2026-11-28T16:05:00Z");
        }

        /** Each stored row's payload type and revision, {@code type/revision}. */
        private List<String> storedTypes() {
            return new JdbcTemplate(dataSource()).query("select payloadType, payloadRevision from DomainEventEntry order by globalIndex",
                    (row, index) -> row.getString(1) + "/" + row.getString(2));
        }

        @Test
        void eventsStoredUnderTheirClassNamesReadBackAsTheyWereWritten() {
            storeTheOldWay("OrgUnit", "ou-sg", 0, UNIT);
            storeTheOldWay("Member", MEMBER, 0, REGISTERED);
            storeTheOldWay("Member", MEMBER, 1, PHONE);
            assertThat(storedTypes()).containsExactly(OrgUnitCreatedEvent.class.getName() + "/null",
                    MemberRegisteredEvent.class.getName() + "/null", MemberPhoneChangedEvent.class.getName() + "/null");

            List<DomainEventMessage<?>> member = engine().readEvents(MEMBER).asStream()
                    .<DomainEventMessage<?>>map(message -> message).toList();
            List<Object> all = engine().readEvents(null, false).map(message -> (Object) message.getPayload()).toList();

            assertThat(member.stream().map(message -> (Object) message.getPayload()).toList()).containsExactly(REGISTERED, PHONE);
            assertThat(member.stream().map(message -> (Object) message.getPayloadType()).toList())
                    .containsExactly(MemberRegisteredEvent.class, MemberPhoneChangedEvent.class);
            assertThat(member.get(1).getMetaData()).containsEntry("principal", "awa.traore");
            assertThat(all).containsExactly(UNIT, REGISTERED, PHONE);
        }

        @Test
        void newEventsAreStoredUnderTheirStableNamesBesideTheOldOnes() {
            storeTheOldWay("Member", MEMBER, 0, REGISTERED);

            engine().appendEvents(new GenericDomainEventMessage<>("Member", MEMBER, 1, PHONE));

            assertThat(storedTypes()).containsExactly(MemberRegisteredEvent.class.getName() + "/null",
                    "MemberPhoneChangedEvent/1");
            assertThat(engine().readEvents(MEMBER).asStream().map(message -> (Object) message.getPayload()).toList())
                    .containsExactly(REGISTERED, PHONE);
        }
    }

    @Nested
    class OnH2 extends Store {

        private final JdbcDataSource dataSource = new JdbcDataSource();

        OnH2() {
            dataSource.setURL("jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2", "classpath:db/migration/common")
                    .load().migrate();
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }
    }

    @Nested
    class OnPostgreSql extends Store {

        private static final String SERVER = System.getProperty("jekafo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
        private final String database = "jekafo_legacy_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

        OnPostgreSql() throws SQLException {
            try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute("create database " + database);
            }
            dataSource.setURL(SERVER + database);
            dataSource.setUser("postgres");
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/postgresql", "classpath:db/migration/common")
                    .placeholders(Map.of("event_store", "jdbc")).load().migrate();
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }

        @AfterEach
        void dropDatabase() throws SQLException {
            try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
