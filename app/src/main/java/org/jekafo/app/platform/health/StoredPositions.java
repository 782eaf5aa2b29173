package org.jekafo.app.platform.health;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where a processor stands according to its stored tokens (Axon's {@code TokenEntry} table), read without claiming
 * them — Axon's token store fetches a token only by claiming it: what health shows while no segment is being
 * processed, for instance while Elasticsearch is down and every batch fails.
 */
@Component
public class StoredPositions {

    private final JdbcTemplate jdbc;
    private final Configuration axon;

    StoredPositions(JdbcTemplate jdbc, Configuration axon) {
        this.jdbc = jdbc;
        this.axon = axon;
    }

    /** The lowest position over the processor's stored tokens; {@code null} when it has none. */
    Long lowest(String processorName) {
        List<OptionalLong> positions = jdbc.query("select token, tokenType from TokenEntry where processorName = ?",
                (row, number) -> position(row.getBytes(1), row.getString(2)), processorName);
        return positions.stream().mapToLong(p -> p.orElse(-1)).boxed().min(Long::compare).orElse(null);
    }

    /**
     * A position every event at or below which the processor has applied, in every segment: below its stored
     * tokens' lowest position and below any gap they still wait for (an event of a transaction that committed
     * late, with a lower global index). What a reader may rely on as complete; {@code -1} when nothing is.
     */
    public long complete(String processorName) {
        List<Long> positions = jdbc.query("select token, tokenType from TokenEntry where processorName = ?",
                (row, number) -> completeUpTo(row.getBytes(1), row.getString(2)), processorName);
        return positions.isEmpty() ? -1 : positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private long completeUpTo(byte[] token, String type) {
        if (token == null || type == null) {
            return -1;
        }
        TrackingToken deserialized = axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        if (deserialized == null) {
            return -1;
        }
        TrackingToken current = deserialized instanceof ReplayToken replay ? replay.getCurrentToken() : deserialized;
        if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return current == null ? -1 : current.position().orElse(-1);
    }

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken deserialized = axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        return deserialized == null ? OptionalLong.empty() : deserialized.position();
    }
}
