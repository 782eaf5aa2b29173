package org.jekafo.app.platform.history;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.identity.CursorSeal;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;

/**
 * The cursors of a history: an event's sequence number sealed for one caller and one aggregate ({@link CursorSeal}).
 * A cursor of another caller's, another aggregate's history, or altered, fails alike ({@code INVALID_CURSOR}).
 */
@Component
class HistoryCursors {

    private static final String KIND = "history";

    private final CursorSeal seal;

    HistoryCursors(CursorSeal seal) {
        this.seal = seal;
    }

    String of(ActingPrincipal caller, String aggregateType, String aggregateId, long sequence) {
        return seal.seal(KIND, caller, query(aggregateType, aggregateId), ByteBuffer.allocate(Long.BYTES)
                .putLong(sequence).array());
    }

    /** The sequence number a cursor holds; null without a cursor; refused (at {@code field}) when it does not open. */
    Long sequence(ActingPrincipal caller, String aggregateType, String aggregateId, String cursor, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        byte[] payload = seal.open(KIND, caller, query(aggregateType, aggregateId), cursor)
                .filter(bytes -> bytes.length == Long.BYTES)
                .orElseThrow(() -> InvalidInputException.invalidCursor(field));
        return ByteBuffer.wrap(payload).getLong();
    }

    private static String query(String aggregateType, String aggregateId) {
        return aggregateType + '\u0000' + aggregateId;
    }
}
