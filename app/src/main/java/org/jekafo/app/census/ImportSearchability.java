package org.jekafo.app.census;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jekafo.query.membership.MemberIndex;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Blob;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whether the member projection has applied every event up to a position of the event store, read from what
 * every instance shares: the processor's stored tokens (the database) and the event store, never from the
 * processor of this instance, which may hold no segment (then its position is unknown, issue 9).
 *
 * <p>Reached means: every segment's token is at or past the position, and none of the token's gaps at or
 * below it is a member event that exists in the store now (a transaction that committed after the processor
 * passed its index, and that the processor has not read yet). Gaps are only checked on the JDBC event store;
 * on Axon Server the tokens carry no gaps.
 */
@Component
class ImportSearchability {

    static final String PROCESSOR = "member-projection";

    /** What can be said about the members of an import. */
    enum Reach { REACHED, NOT_YET, UNKNOWN }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventStore eventStore;
    private final boolean jdbcEventStore;
    private final MemberIndex memberIndex;

    ImportSearchability(JdbcTemplate jdbc, Serializer serializer, EventStore eventStore,
                        ObjectProvider<EventStorageEngine> storageEngine, MemberIndex memberIndex) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventStore = eventStore;
        this.jdbcEventStore = storageEngine.getIfAvailable() instanceof JdbcEventStorageEngine;
        this.memberIndex = memberIndex;
    }

    /** The store's head now: the last event an import has stored is at or below it ({@code -1}: empty store). */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong position = head == null ? OptionalLong.empty() : head.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    /**
     * The last member event at or below {@code head}: the position the projection must reach (the member
     * projection's token does not move past events it does not handle). On Axon Server, {@code head} itself.
     */
    long lastMemberEvent(long head) {
        if (!jdbcEventStore) {
            return head;
        }
        Long last = jdbc.queryForObject("select max(globalIndex) from DomainEventEntry where globalIndex <= ? "
                + "and type = 'Member'", Long.class, head);
        return last == null ? -1 : last;
    }

    /** Whether the member projection has applied everything up to {@code position}. */
    Reach reached(long position) {
        if (position < 0) {
            return Reach.REACHED;
        }
        List<Map<String, Object>> rows;
        try {
            rows = jdbc.queryForList("select token, tokenType from TokenEntry where processorName = ?", PROCESSOR);
        } catch (RuntimeException noTokenTable) {
            return Reach.UNKNOWN;
        }
        if (rows.isEmpty()) {
            return Reach.NOT_YET;
        }
        for (Map<String, Object> row : rows) {
            Reach reach = reached(token(row), position);
            if (reach != Reach.REACHED) {
                return reach;
            }
        }
        return Reach.REACHED;
    }

    /** Makes what the projection applied visible to searches at once (instead of within a second). */
    void refreshIndex() {
        memberIndex.refresh();
    }

    private Reach reached(TrackingToken stored, long position) {
        TrackingToken token = stored == null ? null : WrappedToken.unwrapLowerBound(stored);
        if (token == null) {
            return Reach.NOT_YET;
        }
        OptionalLong at = token.position();
        if (at.isEmpty()) {
            return Reach.UNKNOWN;
        }
        if (at.getAsLong() < position) {
            return Reach.NOT_YET;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            List<Long> gaps = gapAware.getGaps().headSet(position + 1).stream().toList();
            if (!gaps.isEmpty()) {
                if (!jdbcEventStore) {
                    return Reach.UNKNOWN;
                }
                if (memberEventsAmong(gaps)) {
                    return Reach.NOT_YET;
                }
            }
        }
        return Reach.REACHED;
    }

    private boolean memberEventsAmong(List<Long> gaps) {
        for (int from = 0; from < gaps.size(); from += 500) {
            List<Long> chunk = gaps.subList(from, Math.min(gaps.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            Integer found = jdbc.queryForObject("select count(*) from DomainEventEntry where type = 'Member' and "
                    + "globalIndex in (" + marks + ")", Integer.class, chunk.toArray());
            if (found != null && found > 0) {
                return true;
            }
        }
        return false;
    }

    private TrackingToken token(Map<String, Object> row) {
        Object bytes = row.get("token"); // column names: the row's map ignores case (H2 upper, PostgreSQL lower)
        Object type = row.get("tokenType");
        if (bytes == null || type == null) {
            return null;
        }
        byte[] data;
        try {
            data = bytes instanceof Blob blob ? blob.getBytes(1, (int) blob.length()) : (byte[]) bytes;
        } catch (SQLException unreadable) {
            throw new IllegalStateException("token of " + PROCESSOR + " unreadable", unreadable);
        }
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, type.toString(), null));
    }
}
