package org.jekafo.command.eventstore;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The file store behind a connection to an embedded H2 database, reached the way H2's own engine reaches it. */
final class EmbeddedH2Store {

    private EmbeddedH2Store() {
    }

    /**
     * The MVStore of the database {@code connection} belongs to: present for an embedded H2 file database, empty
     * for any other (PostgreSQL, an in-memory or read-only H2, an H2 server reached over TCP, which keeps its own
     * file).
     */
    static Optional<MVStore> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        var store = session.getDatabase().getStore();
        if (store == null) {
            return Optional.empty();
        }
        MVStore mvStore = store.getMvStore();
        return mvStore.getFileStore() != null && !mvStore.isReadOnly() ? Optional.of(mvStore) : Optional.empty();
    }
}
