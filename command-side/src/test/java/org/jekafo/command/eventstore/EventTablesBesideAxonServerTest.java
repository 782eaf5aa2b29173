package org.jekafo.command.eventstore;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 on PostgreSQL: beside Axon Server the relational event tables are dropped while empty, kept when they hold
 * events, and kept on the profiles that store events in the database. Runs against the local PostgreSQL.
 */
class EventTablesBesideAxonServerTest {

    private static final String SERVER = System.getProperty("jekafo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private final String database = "jekafo_v12_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
    private JdbcTemplate jdbc;
    private PGSimpleDataSource dataSource;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(SERVER + database);
        dataSource.setUser("postgres");
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

    private void migrate(String eventStore, String target) {
        var configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/postgresql", "classpath:db/migration/common")
                .placeholders(Map.of("event_store", eventStore));
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    private boolean tableExists(String name) {
        return jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?", Integer.class,
                name.toLowerCase()) == 1;
    }

    @Test
    void besideAxonServerTheEmptyEventTablesAreDropped() {
        migrate("axonserver", null);

        assertThat(tableExists("DomainEventEntry")).isFalse();
        assertThat(tableExists("SnapshotEventEntry")).isFalse();
        assertThat(tableExists("TokenEntry")).isTrue();
        assertThat(tableExists("member_directory")).isTrue();
    }

    @Test
    void eventTablesThatHoldEventsAreNeverDropped() {
        migrate("jdbc", "11");
        jdbc.update("insert into DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, "
                + "type, timeStamp, payloadType, payload) values (1, 'e-1', 'a-1', 0, 'Member', '2026-01-01', 'x', ?)",
                (Object) new byte[]{1});

        migrate("axonserver", null);

        assertThat(tableExists("DomainEventEntry")).isTrue();
    }

    @Test
    void whereTheDatabaseStoresTheEventsTheTablesStay() {
        migrate("jdbc", null);

        assertThat(tableExists("DomainEventEntry")).isTrue();
        assertThat(tableExists("SnapshotEventEntry")).isTrue();
    }
}
