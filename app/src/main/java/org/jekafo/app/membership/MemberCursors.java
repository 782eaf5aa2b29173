package org.jekafo.app.membership;

import org.jekafo.app.platform.graphql.InvalidInputException;

import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberOrder;
import org.jekafo.api.membership.MemberPosition;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.identity.CursorSeal;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The cursors of {@code members}: a member's position (folded name, id) sealed for one caller and one filter. The
 * server continues after the position the cursor holds and never looks up the member it names, so a cursor says
 * nothing about members outside the caller's reach, and every cursor that does not open fails alike.
 */
@Component
class MemberCursors {

    private static final String KIND = "members";

    private final CursorSeal seal;

    MemberCursors(CursorSeal seal) {
        this.seal = seal;
    }

    String of(ActingPrincipal caller, MemberFilter filter, MemberOrder order, MemberPosition position) {
        byte[] name = position.sortName() == null ? new byte[0] : position.sortName().getBytes(StandardCharsets.UTF_8);
        byte[] id = position.memberId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(8 + name.length + id.length).putInt(name.length).put(name)
                .putInt(id.length).put(id);
        return seal.seal(KIND, caller, describe(filter, order), payload.array());
    }

    /** The position a cursor holds; null (the first page) without a cursor; refused when it does not open. */
    MemberPosition after(ActingPrincipal caller, MemberFilter filter, MemberOrder order, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        byte[] payload = seal.open(KIND, caller, describe(filter, order), cursor).orElseThrow(InvalidInputException::invalidCursor);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            String name = text(buffer);
            String id = text(buffer);
            return new MemberPosition(name, id);
        } catch (RuntimeException notAPosition) {
            throw InvalidInputException.invalidCursor();
        }
    }

    private static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The filter and the order a cursor is valid for: one of another order does not open. */
    static String describe(MemberFilter filter, MemberOrder order) {
        String criteria = describe(filter);
        return order.equals(MemberOrder.BY_NAME) ? criteria
                : criteria + "|order:" + order.field() + (order.descending() ? ":desc" : ":asc");
    }

    /** Every criterion of the filter, by name, each value length-prefixed; an empty filter as no filter. */
    static String describe(MemberFilter filter) {
        StringBuilder text = new StringBuilder();
        if (filter == null) {
            return "";
        }
        for (RecordComponent component : MemberFilter.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(filter);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (value != null) {
                String shown = value.toString();
                text.append(component.getName()).append(':').append(shown.length()).append(':').append(shown);
            }
        }
        return text.toString();
    }
}
