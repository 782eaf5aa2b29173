package org.jekafo.app.platform.health;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
        return tokens(processorName).stream()
                .mapToLong(token -> token == null ? -1 : token.position().orElse(-1)).boxed().min(Long::compare)
                .orElse(null);
    }

    /**
     * A position every event at or below which the processor has applied, in every segment: its stored tokens'
     * lowest position, lowered below any gap a token still waits for that may yet hold an event — one whose event
     * is stored by now (committed late, not yet applied), or one younger than {@link #IN_FLIGHT} (its transaction may
     * still commit). Older empty gaps are rolled-back transactions (refused commands): they never fill, and Axon
     * itself stops waiting for them. What a reader may rely on as complete; {@code -1} when nothing is.
     */
    public long complete(String processorName) {
        List<TrackingToken> tokens = tokens(processorName);
        long complete = Long.MAX_VALUE;
        for (TrackingToken token : tokens) {
            complete = Math.min(complete, completeUpTo(token));
        }
        return tokens.isEmpty() ? -1 : complete;
    }

    /** How long a transaction may hold a global index it has not committed yet (they last milliseconds). */
    static final Duration IN_FLIGHT = Duration.ofSeconds(10);

    private long completeUpTo(TrackingToken stored) {
        TrackingToken token = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
        if (token == null || token.position().isEmpty()) {
            return -1;
        }
        long position = token.position().getAsLong();
        if (!(token instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return position;
        }
        Long lastOld = jdbc.queryForObject("select max(globalIndex) from DomainEventEntry where timeStamp < ?",
                Long.class, Instant.now().minus(IN_FLIGHT).toString());
        for (Long gap : gapAware.getGaps()) {
            boolean young = lastOld == null || gap > lastOld;
            if (young || filled(gap)) {
                return gap - 1;
            }
        }
        return position;
    }

    private boolean filled(long gap) {
        Integer found = jdbc.queryForObject("select count(*) from DomainEventEntry where globalIndex = ?",
                Integer.class, gap);
        return found != null && found > 0;
    }

    /** The processor's stored tokens, one per segment (null where a segment has none yet). */
    private List<TrackingToken> tokens(String processorName) {
        return jdbc.query("select token, tokenType from TokenEntry where processorName = ?",
                (row, number) -> token(row.getBytes(1), row.getString(2)), processorName);
    }

    private TrackingToken token(byte[] token, String type) {
        return token == null || type == null ? null : axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
    }

}
