package org.jekafo.command.integrity;

import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ChainRule;
import org.jekafo.integrity.ChainVerification;
import org.jekafo.integrity.Checkpoint;
import org.jekafo.integrity.ExportWriter;
import org.jekafo.integrity.StoredEvent;
import org.jekafo.integrity.VerificationReport;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Tamper evidence as the server offers it: chaining on demand, verification of the whole store (against a
 * checkpoint or not) or of one aggregate, and the export for the offline verifier. The verification itself is
 * integrity-verifier's {@link ChainVerification}, the same code the auditor's command line runs. Reads stream
 * through two cursors in one read-only, repeatable-read transaction (one snapshot of the store and its chain); with
 * Axon Server, its event stream is opened once the chain's snapshot is taken, so it reaches at least as far.
 */
@Component
public class IntegrityVerification {

    /** Broken places named at most in one answer (all are counted). */
    public static final int MAX_FINDINGS = 1000;

    private final StoredEvents store;
    private final Chainer chainer;
    private final EventChain chain;
    private final IntegrityKeys keys;
    private final DataSource dataSource;

    IntegrityVerification(StoredEvents store, Chainer chainer, EventChain chain,
                          IntegrityKeys keys, DataSource dataSource) {
        this.store = store;
        this.chainer = chainer;
        this.chain = chain;
        this.keys = keys;
        this.dataSource = dataSource;
    }

    /** Chains every event that can be chained now; answers how many were. */
    public long chainNow() {
        return chainer.chainNow();
    }

    /** The server's public key (base64 X.509), the one its checkpoints are signed with. */
    public String publicKey() {
        return keys.publicKey();
    }

    /** The chain's last row: where chaining has reached. */
    public Optional<ChainLink> head() {
        return chain.head();
    }

    /** The whole store, after chaining what can be; against {@code checkpoint} (and the server's key) when given. */
    public VerificationReport verifyStore(Checkpoint checkpoint) {
        chainNow();
        return read(connection -> {
            // the chain first: a store outside the database is then read at least as far as the chain's snapshot
            try (Cursor<ChainLink> links = chain.between(connection, 0, Long.MAX_VALUE);
                 Reader<StoredEvent> stored = store.between(connection, Long.MIN_VALUE, Long.MAX_VALUE)) {
                return ChainVerification.ofStore(checkpoint, checkpoint == null ? null : keys.publicKey(), MAX_FINDINGS)
                        .run(stored, links);
            }
        });
    }

    /**
     * One aggregate: its events against their chain rows, each row's link to the row before it, and its sequence
     * numbers dense from 0. Refused (NOT_FOUND) when the store and the chain know nothing of it, or when the store
     * knows it under another type (an event whose type column alone was changed is still verified, and found).
     */
    public VerificationReport verifyAggregate(String aggregateType, String aggregateIdentifier) {
        Set<String> storedAs = store.aggregateTypes(aggregateIdentifier);
        if (!storedAs.isEmpty() && !storedAs.contains(aggregateType)) {
            throw new CommandRefusedException("NOT_FOUND", "aggregateType", "Cet agrégat n'est pas de ce type.");
        }
        chainNow();
        long headIndex = chain.head().map(ChainLink::globalIndex).orElse(-1L);
        VerificationReport report = read(connection -> {
            try (Cursor<ChainLink> links = chain.ofAggregate(connection, aggregateIdentifier);
                 Reader<StoredEvent> stored = store.ofAggregate(connection, aggregateIdentifier)) {
                return ChainVerification.ofAggregate(chain::hashBefore, headIndex, MAX_FINDINGS).run(stored, links);
            }
        });
        if (report.eventsChecked() == 0 && report.linksChecked() == 0) {
            throw new CommandRefusedException("NOT_FOUND", "aggregateId", "Aucun événement de cet agrégat n'est stocké ni enchaîné.");
        }
        return report;
    }

    /**
     * Writes the export for the offline verifier ({@link ExportWriter}): the stored events and the chain rows
     * from global index {@code from} to {@code to} (null: the whole chain), as they stand now.
     */
    public void export(OutputStream out, Long from, Long to) {
        chainNow();
        read(connection -> {
            ChainLink head = chain.head().orElse(null);
            long last = head == null ? -1 : to == null ? head.globalIndex() : Math.min(to, head.globalIndex());
            long first = from == null ? Long.MIN_VALUE : from;
            ChainLink firstLink = from == null ? null : chain.firstFrom(from).orElse(null);
            long firstSequence = firstLink == null ? 0 : firstLink.chainSequence();
            byte[] previous = firstLink == null ? ChainRule.GENESIS : chain.hashBefore(firstSequence);
            long lastSequence = chain.lastUpTo(last).map(ChainLink::chainSequence).orElse(-1L);
            ExportWriter writer = new ExportWriter(out);
            writer.header(firstSequence, previous == null ? ChainRule.GENESIS : previous, Instant.now().toString());
            try (Reader<StoredEvent> stored = store.between(connection, first, last)) {
                stored.forEachRemaining(writer::event);
            }
            try (Cursor<ChainLink> links = chain.between(connection, firstSequence, lastSequence)) {
                links.forEachRemaining(writer::link);
            }
            writer.finish();
            return null;
        });
    }

    private interface Read<T> {
        T in(Connection connection) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2");
            if (h2) {
                // rows read as the cursor advances, instead of the whole result first (spilled to a temporary file)
                try (var statement = connection.createStatement()) {
                    statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            }
            try {
                return read.in(connection);
            } finally {
                connection.rollback();
                if (h2) {
                    try (var statement = connection.createStatement()) {
                        statement.execute("SET LAZY_QUERY_EXECUTION FALSE");
                    }
                }
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the event store", e);
        }
    }
}
