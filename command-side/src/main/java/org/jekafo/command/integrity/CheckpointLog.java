package org.jekafo.command.integrity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jekafo.api.integrity.IntegrityCheckpointRecordedEvent;
import org.jekafo.command.common.WrittenWithTheEvents;
import org.jekafo.integrity.Checkpoint;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The recorded checkpoints, in table {@code integrity_checkpoint}, written in the transaction that stores their
 * event (a subscribing processor): listed newest first, each exportable as its signed JSON.
 */
@Component
@WrittenWithTheEvents
@ProcessingGroup(CheckpointLog.PROCESSING_GROUP)
public class CheckpointLog {

    static final String PROCESSING_GROUP = "integrity-checkpoint-log";
    private static final String COLUMNS = "checkpoint_id, chain_sequence, global_index, event_count, chain_hash, "
            + "merkle_root, block_size, recorded_at, public_key, signature";
    private static final RowMapper<Checkpoint> ROW = (rs, i) -> new Checkpoint(rs.getString(1), rs.getLong(2),
            rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
            rs.getString(9), rs.getString(10));

    private final JdbcTemplate jdbc;

    CheckpointLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IntegrityCheckpointRecordedEvent event) {
        jdbc.update("insert into integrity_checkpoint (" + COLUMNS + ") select ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                        + "where not exists (select 1 from integrity_checkpoint where checkpoint_id = ?)",
                event.checkpointId(), event.chainSequence(), event.globalIndex(), event.eventCount(), event.chainHash(),
                event.merkleRoot(), event.blockSize(), event.recordedAt(), event.publicKey(), event.signature(),
                event.checkpointId());
    }

    /** One checkpoint by its identifier. */
    public Optional<Checkpoint> find(String checkpointId) {
        return jdbc.query("select " + COLUMNS + " from integrity_checkpoint where checkpoint_id = ?", ROW, checkpointId)
                .stream().findFirst();
    }

    /** At most {@code limit} checkpoints, newest first, after skipping {@code offset} of them. */
    public List<Checkpoint> page(int limit, long offset) {
        return jdbc.query("select " + COLUMNS + " from integrity_checkpoint order by chain_sequence desc, "
                + "recorded_at desc, checkpoint_id offset " + offset + " rows fetch next " + limit + " rows only", ROW);
    }

    /** How many checkpoints are recorded. */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from integrity_checkpoint", Long.class);
        return count == null ? 0 : count;
    }
}
