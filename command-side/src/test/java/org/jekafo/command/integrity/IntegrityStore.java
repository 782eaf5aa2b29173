package org.jekafo.command.integrity;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * An event store migrated like the application's (Flyway, vendor and common scripts) with the integrity classes
 * wired by hand: an H2 database in memory, or a fresh database on the local PostgreSQL.
 */
final class IntegrityStore implements AutoCloseable {

    private static final String SERVER = System.getProperty("jekafo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transactions;
    final EventChain chain;
    final JdbcStoredEvents store;
    private final String postgresDatabase;
    private final Random random = new Random(7);

    private IntegrityStore(DataSource dataSource, String vendor, String postgresDatabase) {
        this.dataSource = dataSource;
        this.postgresDatabase = postgresDatabase;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor, "classpath:db/migration/common")
                .placeholders(Map.of("event_store", "jdbc")).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        chain = new EventChain(jdbc);
        store = new JdbcStoredEvents(jdbc);
    }

    static IntegrityStore h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:integrity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new IntegrityStore(h2, "h2", null);
    }

    static IntegrityStore postgres() throws SQLException {
        String database = "jekafo_integrity_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(SERVER + database);
        postgres.setUser("postgres");
        return new IntegrityStore(postgres, "postgresql", database);
    }

    Chainer chainer(Duration gapWindow) {
        return new Chainer(store, chain, transactions, gapWindow);
    }

    IntegrityVerification verification(Chainer chainer, Path dataDir) {
        return new IntegrityVerification(store, chainer, chain, new IntegrityKeys("", dataDir), dataSource);
    }

    /** Appends {@code count} events at explicit global indices from {@code first}, with payloads of about 600 bytes. */
    void append(long first, int count) {
        List<Object[]> rows = new ArrayList<>(Math.min(count, 5000));
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[500 + random.nextInt(200)];
            byte[] metaData = new byte[250 + random.nextInt(100)];
            random.nextBytes(payload);
            random.nextBytes(metaData);
            long index = first + i;
            rows.add(new Object[]{index, "member-" + (index / 5), index % 5, "Member", "event-" + index, metaData, payload,
                    "1", "MemberRegisteredEvent", Instant.now().minusSeconds(60).toString()});
            if (rows.size() == 5000 || i == count - 1) {
                jdbc.batchUpdate("insert into DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, "
                        + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (postgresDatabase != null) {
            try (var connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                 var statement = connection.createStatement()) {
                statement.execute("drop database if exists " + postgresDatabase + " with (force)");
            }
        } else {
            jdbc.execute("shutdown");
        }
    }
}
