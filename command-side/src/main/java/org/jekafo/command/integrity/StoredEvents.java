package org.jekafo.command.integrity;

import org.jekafo.integrity.StoredEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The event store read as stored rows (bytes as written, never deserialized), for the chainer and the
 * verification. {@link JdbcStoredEvents} reads Axon's JDBC table (embedded H2, PostgreSQL); Axon Server has none
 * (README, Tamper evidence: what an implementation over its event stream would chain).
 */
interface StoredEvents {

    /** At most {@code limit} events whose global index is above {@code globalIndex}, in global-index order. */
    List<StoredEvent> after(long globalIndex, int limit);

    /** A cursor over the events with global index in [{@code from}, {@code to}], in global-index order. */
    Cursor<StoredEvent> between(Connection connection, long from, long to) throws SQLException;

    /** Whether the store holds an event of this aggregate (of this type; null: of any type). */
    boolean hasAggregate(String aggregateType, String aggregateIdentifier);

    /**
     * A cursor over one aggregate's events, in global-index order: by identifier alone, so that an event whose
     * aggregate type was changed is still compared (and found altered).
     */
    Cursor<StoredEvent> ofAggregate(Connection connection, String aggregateIdentifier) throws SQLException;
}
