package org.jekafo.app.audit;

import org.jekafo.api.audit.AuditFilter;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.identity.CursorSeal;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The cursors of the audit trail: an event's global position and id (the order of the trail) sealed for one caller,
 * one filter and one order ({@link CursorSeal}); any other use, or an altered cursor, fails alike
 * ({@code INVALID_CURSOR}).
 */
@Component
class AuditCursors {

    private static final String KIND = "audit";

    private final CursorSeal seal;

    AuditCursors(CursorSeal seal) {
        this.seal = seal;
    }

    /** An event's place in the trail: its global position, then its id. */
    record Place(long position, String eventId) {
    }

    String of(ActingPrincipal caller, AuditFilter filter, boolean descending, long position, String eventId) {
        byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
        return seal.seal(KIND, caller, describe(filter, descending), ByteBuffer.allocate(Long.BYTES + id.length)
                .putLong(position).put(id).array());
    }

    /** The place a cursor holds; null without a cursor; refused (at {@code field}) when it does not open. */
    Place place(ActingPrincipal caller, AuditFilter filter, boolean descending, String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        byte[] payload = seal.open(KIND, caller, describe(filter, descending), cursor)
                .filter(bytes -> bytes.length > Long.BYTES)
                .orElseThrow(() -> InvalidInputException.invalidCursor(field));
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long position = buffer.getLong();
        return new Place(position, new String(payload, Long.BYTES, payload.length - Long.BYTES, StandardCharsets.UTF_8));
    }

    /** Every criterion, each value length-prefixed, and the order: a cursor of another query does not open. */
    private static String describe(AuditFilter filter, boolean descending) {
        StringBuilder text = new StringBuilder(descending ? "desc" : "asc");
        for (Object value : new Object[]{filter.aggregateType(), filter.aggregateId(), filter.eventNames(),
                filter.principal(), filter.role(), filter.channel(), filter.orgUnitId(), filter.correlationId(),
                filter.causationId(), filter.from(), filter.to(), filter.text()}) {
            String shown = Objects.toString(value, "");
            text.append('|').append(shown.length()).append(':').append(shown);
        }
        return text.toString();
    }
}
