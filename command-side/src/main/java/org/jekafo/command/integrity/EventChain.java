package org.jekafo.command.integrity;

import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ChainRule;
import org.jekafo.integrity.MerkleRoot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The chain rows, in table {@code event_chain} (migration V15). */
@Component
class EventChain {

    private static final String COLUMNS = "chain_sequence, global_index, event_identifier, aggregate_identifier, "
            + "sequence_number, payload_hash, metadata_hash, entry_hash, chain_hash";
    private static final Cursor.Row<ChainLink> ROW = EventChain::link;

    private final JdbcTemplate jdbc;

    EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last chain row; empty while nothing is chained. */
    Optional<ChainLink> head() {
        return jdbc.query("select " + COLUMNS + " from event_chain order by chain_sequence desc fetch first 1 rows only",
                (row, i) -> link(row)).stream().findFirst();
    }

    /** The chain row at {@code chainSequence}. */
    Optional<ChainLink> at(long chainSequence) {
        return jdbc.query("select " + COLUMNS + " from event_chain where chain_sequence = ?", (row, i) -> link(row),
                chainSequence).stream().findFirst();
    }

    /** The chain hash before {@code chainSequence}: {@link ChainRule#GENESIS} before 0; null when that row is gone. */
    byte[] hashBefore(long chainSequence) {
        if (chainSequence == 0) {
            return ChainRule.GENESIS;
        }
        return at(chainSequence - 1).map(ChainLink::chainHash).orElse(null);
    }

    /** Appends {@code links} (following the head): one batch; a place already taken fails the transaction. */
    void append(List<ChainLink> links) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("insert into event_chain (" + COLUMNS + ", chained_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                links, links.size(), (statement, link) -> {
                    statement.setLong(1, link.chainSequence());
                    statement.setLong(2, link.globalIndex());
                    statement.setString(3, link.eventIdentifier());
                    statement.setString(4, link.aggregateIdentifier());
                    statement.setLong(5, link.sequenceNumber());
                    statement.setString(6, ChainRule.hex(link.payloadHash()));
                    statement.setString(7, ChainRule.hex(link.metaDataHash()));
                    statement.setString(8, ChainRule.hex(link.entryHash()));
                    statement.setString(9, ChainRule.hex(link.chainHash()));
                    statement.setTimestamp(10, now);
                });
    }

    /** The Merkle root over the chain up to {@code last} ({@link MerkleRoot}): one row per block is read. */
    byte[] merkleRoot(ChainLink last) {
        MerkleRoot merkle = new MerkleRoot();
        jdbc.query("select chain_sequence, chain_hash from event_chain where chain_sequence < ? and mod(chain_sequence, "
                + MerkleRoot.BLOCK_SIZE + ") = " + (MerkleRoot.BLOCK_SIZE - 1) + " order by chain_sequence", row -> {
            merkle.add(row.getLong(1), ChainRule.unhex(row.getString(2)), false);
        }, last.chainSequence());
        merkle.add(last.chainSequence(), last.chainHash(), true);
        return merkle.root();
    }

    /** A cursor over the rows from {@code fromSequence} up to {@code toSequence}, in chain order. */
    Cursor<ChainLink> between(Connection connection, long fromSequence, long toSequence) throws SQLException {
        return Cursor.open(connection, "select " + COLUMNS + " from event_chain where chain_sequence between ? and ? "
                + "order by chain_sequence", ROW, fromSequence, toSequence);
    }

    /** Whether a chain row belongs to this aggregate. */
    boolean hasAggregate(String aggregateIdentifier) {
        Integer found = jdbc.queryForObject("select count(*) from event_chain where aggregate_identifier = ?",
                Integer.class, aggregateIdentifier);
        return found != null && found > 0;
    }

    /** A cursor over the rows of one aggregate's events, in chain order. */
    Cursor<ChainLink> ofAggregate(Connection connection, String aggregateIdentifier) throws SQLException {
        return Cursor.open(connection, "select " + COLUMNS + " from event_chain where aggregate_identifier = ? "
                + "order by chain_sequence", ROW, aggregateIdentifier);
    }

    /** The first chain row at or after global index {@code globalIndex}. */
    Optional<ChainLink> firstFrom(long globalIndex) {
        return jdbc.query("select " + COLUMNS + " from event_chain where global_index >= ? order by global_index "
                + "fetch first 1 rows only", (row, i) -> link(row), globalIndex).stream().findFirst();
    }

    /** The last chain row at or before global index {@code globalIndex}. */
    Optional<ChainLink> lastUpTo(long globalIndex) {
        return jdbc.query("select " + COLUMNS + " from event_chain where global_index <= ? order by global_index desc "
                + "fetch first 1 rows only", (row, i) -> link(row), globalIndex).stream().findFirst();
    }

    private static ChainLink link(ResultSet row) throws SQLException {
        return new ChainLink(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4), row.getLong(5),
                ChainRule.unhex(row.getString(6)), ChainRule.unhex(row.getString(7)), ChainRule.unhex(row.getString(8)),
                ChainRule.unhex(row.getString(9)));
    }
}
