package org.jekafo.command.eventstore;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What the application writes to its embedded store, as plain JDBC on the store's own tables (the Flyway
 * migrations): registrations (an event and a directory row each, many to a transaction), processors' tokens
 * (the same rows stored again and again, each in a commit of its own) and dead letters (inserted, then deleted).
 */
final class StoreWorkload {

    static final String[] PROCESSORS = {"member-projection", "org-unit-projection"};

    private StoreWorkload() {
    }

    /** The application's embedded store in {@code folder}, with its settings ({@code application.yml}). */
    static JdbcDataSource fileStore(Path folder) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("jekafo")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;WRITE_DELAY=0");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }

    /** The store's tables, and a token row per processor. */
    static void migrate(DataSource dataSource) throws SQLException {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common").load().migrate();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into TokenEntry (processorName, segment, tokenType, owner) values (?, 0, 'gap-aware', 'node')")) {
            for (String processor : PROCESSORS) {
                insert.setString(1, processor);
                insert.executeUpdate();
            }
        }
    }

    /** Registers {@code count} members in one transaction; their ids once it has committed. */
    static List<String> registerMembers(Connection connection, int count, Random random) throws SQLException {
        List<String> ids = new ArrayList<>(count);
        connection.setAutoCommit(false);
        try (PreparedStatement event = connection.prepareStatement("insert into DomainEventEntry (aggregateIdentifier, "
                + "sequenceNumber, type, eventIdentifier, metaData, payload, payloadType, timeStamp) "
                + "values (?, 0, 'Member', ?, ?, ?, 'org.jekafo.api.membership.MemberRegisteredEvent', '2026-12-06T10:00:00Z')");
             PreparedStatement directory = connection.prepareStatement("insert into member_directory "
                     + "(member_id, name_key, local_unit_id, status, card_number, national_id) values (?, ?, ?, 'ACTIVE', ?, ?)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                event.setString(1, id);
                event.setString(2, UUID.randomUUID().toString());
                event.setBytes(3, bytes(random, 150));
                event.setBytes(4, bytes(random, 600 + random.nextInt(400))); // encrypted fields: incompressible
                event.executeUpdate();
                directory.setString(1, id);
                directory.setString(2, "nom" + random.nextInt(100_000) + " prenom" + random.nextInt(1000) + "|19" + (40 + random.nextInt(60)));
                directory.setString(3, "unit-" + random.nextInt(70));
                directory.setString(4, "SG-" + id.replace("-", "").substring(0, 24)); // random order, as hashed card numbers
                directory.setString(5, random.nextBoolean() ? null : "NINA-" + id);
                directory.executeUpdate();
                ids.add(id);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        return ids;
    }

    /** Stores a processor's token, in a commit of its own, as a tracking processor does after each batch. */
    static void storeToken(Connection connection, String processor, byte[] token) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update TokenEntry set token = ?, timestamp = ? where processorName = ? and segment = 0")) {
            update.setBytes(1, token);
            update.setString(2, Long.toString(System.nanoTime()));
            update.setString(3, processor);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no token row for " + processor);
            }
        }
    }

    /** Parks a dead letter, in a commit of its own; its id. */
    static String enqueueDeadLetter(Connection connection, long sequenceIndex, Random random) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("insert into DeadLetterEntry (deadLetterIdentifier, "
                + "processingGroup, sequenceIdentifier, sequenceIndex, messageType, eventIdentifier, timestamp, "
                + "payloadType, payload, enqueuedAt) values (?, 'member-projection', ?, ?, 'event', ?, 'now', 'Event', ?, 'now')")) {
            insert.setString(1, id);
            insert.setString(2, "member-" + sequenceIndex);
            insert.setLong(3, sequenceIndex);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setBytes(5, bytes(random, 800));
            insert.executeUpdate();
        }
        return id;
    }

    /** Evicts a dead letter, in a commit of its own. */
    static void evictDeadLetter(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from DeadLetterEntry where deadLetterIdentifier = ?")) {
            delete.setString(1, id);
            if (delete.executeUpdate() != 1) {
                throw new IllegalStateException("dead letter " + id + " was not there");
            }
        }
    }

    static Set<String> memberIds(Connection connection) throws SQLException {
        Set<String> events = strings(connection, "select aggregateIdentifier from DomainEventEntry");
        Set<String> directory = strings(connection, "select member_id from member_directory");
        if (!events.equals(directory)) {
            throw new IllegalStateException("events for " + events.size() + " members, directory rows for " + directory.size());
        }
        return events;
    }

    static Map<String, byte[]> tokens(Connection connection) throws SQLException {
        Map<String, byte[]> tokens = new HashMap<>();
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select processorName, token from TokenEntry")) {
            while (rows.next()) {
                tokens.put(rows.getString(1), rows.getBytes(2));
            }
        }
        return tokens;
    }

    /** The number a token written by {@link CommittingJvm} starts with; 0 for none yet. */
    static int tokenNumber(byte[] token) {
        return token == null ? 0 : java.nio.ByteBuffer.wrap(token).getInt();
    }

    static Set<String> deadLetterIds(Connection connection) throws SQLException {
        return strings(connection, "select deadLetterIdentifier from DeadLetterEntry");
    }

    static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static Set<String> strings(Connection connection, String query) throws SQLException {
        Set<String> values = new HashSet<>();
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
