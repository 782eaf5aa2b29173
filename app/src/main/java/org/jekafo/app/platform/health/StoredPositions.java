package org.jekafo.app.platform.health;

import org.axonframework.config.Configuration;
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
class StoredPositions {

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

    private OptionalLong position(byte[] token, String type) {
        if (token == null || type == null) {
            return OptionalLong.empty();
        }
        TrackingToken deserialized = axon.serializer().deserialize(
                new SimpleSerializedObject<>(token, byte[].class, type, null));
        return deserialized == null ? OptionalLong.empty() : deserialized.position();
    }
}
