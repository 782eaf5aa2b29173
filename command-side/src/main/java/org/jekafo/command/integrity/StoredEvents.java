package org.jekafo.command.integrity;

import org.jekafo.integrity.StoredEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The event store read as stored (bytes as written, never deserialized), for the chainer and the verification:
 * {@link JdbcStoredEvents} reads Axon's JDBC table (embedded H2, PostgreSQL), {@link AxonServerStoredEvents} Axon
 * Server's event stream. {@code connection} is the verification's own, read-only, in which it also reads the chain
 * (one snapshot of both where the events are in the same database).
 */
interface StoredEvents {

    /** At most {@code limit} events whose global index is above {@code globalIndex}, in global-index order. */
    List<StoredEvent> after(long globalIndex, int limit);

    /** The events with global index in [{@code from}, {@code to}], in global-index order. */
    Reader<StoredEvent> between(Connection connection, long from, long to) throws SQLException;

    /** The aggregate types under which the store holds events of this identifier: empty when it holds none. */
    Set<String> aggregateTypes(String aggregateIdentifier);

    /**
     * One aggregate's events, in global-index order: by identifier alone, so that an event whose aggregate type was
     * changed is still compared (and found altered).
     */
    Reader<StoredEvent> ofAggregate(Connection connection, String aggregateIdentifier) throws SQLException;
}
