package org.jekafo.command.integrity;

import org.jekafo.integrity.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Axon's JDBC event table ({@code DomainEventEntry}, its default names), read as stored. */
final class JdbcStoredEvents implements StoredEvents {

    private static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData";
    private static final Cursor.Row<StoredEvent> ROW = JdbcStoredEvents::event;

    private final JdbcTemplate jdbc;

    JdbcStoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredEvent> after(long globalIndex, int limit) {
        return jdbc.execute((Connection connection) -> {
            try (Cursor<StoredEvent> events = Cursor.open(connection, "select " + COLUMNS + " from DomainEventEntry "
                    + "where globalIndex > ? order by globalIndex fetch first " + limit + " rows only", ROW, globalIndex)) {
                List<StoredEvent> batch = new ArrayList<>(limit);
                events.forEachRemaining(batch::add);
                return batch;
            }
        });
    }

    @Override
    public Reader<StoredEvent> between(Connection connection, long from, long to) throws SQLException {
        return Cursor.open(connection, "select " + COLUMNS + " from DomainEventEntry where globalIndex between ? and ? "
                + "order by globalIndex", ROW, from, to);
    }

    @Override
    public Set<String> aggregateTypes(String aggregateIdentifier) {
        return Set.copyOf(jdbc.queryForList("select distinct type from DomainEventEntry where aggregateIdentifier = ?",
                String.class, aggregateIdentifier));
    }

    @Override
    public Reader<StoredEvent> ofAggregate(Connection connection, String aggregateIdentifier) throws SQLException {
        return Cursor.open(connection, "select " + COLUMNS + " from DomainEventEntry where aggregateIdentifier = ? "
                + "order by globalIndex", ROW, aggregateIdentifier);
    }

    private static StoredEvent event(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getBytes(9), row.getBytes(10));
    }
}
