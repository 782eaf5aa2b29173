package org.jekafo.command.integrity;

import org.jekafo.integrity.ReadAhead;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rows of one query read as they come (a fetch size, never the whole result in memory), as an iterator; close it
 * to close its statement. Within a transaction (auto-commit off), which PostgreSQL's driver needs to fetch in batches.
 */
final class Cursor<T> extends ReadAhead<T> implements Reader<T> {

    /** Reads one row. */
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static final int FETCH_SIZE = 5000;

    private final PreparedStatement statement;
    private final ResultSet rows;
    private final Row<T> reader;

    private Cursor(PreparedStatement statement, Row<T> reader) throws SQLException {
        this.statement = statement;
        this.reader = reader;
        statement.setFetchSize(FETCH_SIZE);
        this.rows = statement.executeQuery();
    }

    /** Runs {@code sql} with {@code parameters} on {@code connection}. */
    static <T> Cursor<T> open(Connection connection, String sql, Row<T> reader, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        try {
            if (statement.isWrapperFor(PGStatement.class)) {
                // binary transfer from the first execution: bytea as bytes, not as hexadecimal text to decode
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return new Cursor<>(statement, reader);
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    protected T read() {
        try {
            return rows.next() ? reader.read(rows) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close a cursor", e);
        }
    }
}
