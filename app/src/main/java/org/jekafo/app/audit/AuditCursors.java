package org.jekafo.app.audit;

import org.jekafo.api.audit.AuditFilter;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.identity.CursorSeal;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The cursors of the audit trail: an event's global position sealed for one caller, one filter and one order
 * ({@link CursorSeal}); any other use, or an altered cursor, fails alike ({@code INVALID_CURSOR}).
 */
@Component
class AuditCursors {

    private static final String KIND = "audit";

    private final CursorSeal seal;

    AuditCursors(CursorSeal seal) {
        this.seal = seal;
    }

    String of(ActingPrincipal caller, AuditFilter filter, boolean descending, long position) {
        return seal.seal(KIND, caller, describe(filter, descending), ByteBuffer.allocate(Long.BYTES).putLong(position)
                .array());
    }

    /** The position a cursor holds; null without a cursor; refused (at {@code field}) when it does not open. */
    Long position(ActingPrincipal caller, AuditFilter filter, boolean descending, String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        byte[] payload = seal.open(KIND, caller, describe(filter, descending), cursor)
                .filter(bytes -> bytes.length == Long.BYTES)
                .orElseThrow(() -> InvalidInputException.invalidCursor(field));
        return ByteBuffer.wrap(payload).getLong();
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
