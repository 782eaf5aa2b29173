package org.jekafo.command.common;

import org.jekafo.api.common.Refusal;
import org.jekafo.api.common.TextInput;
import org.jekafo.api.common.TextLimit;

/** Short guards for command handlers: each throws a {@link CommandRefusedException} when its condition fails. */
public final class Require {

    private Require() {
    }

    public static void that(boolean condition, String code, String field, String message) {
        if (!condition) {
            throw new CommandRefusedException(code, field, message);
        }
    }

    /** The value as given, or a {@code TEXT_TOO_LONG} refusal (which never quotes it) when it exceeds its limit. */
    public static String bounded(String value, TextLimit limit) {
        if (!limit.admits(value)) {
            Refusal refusal = limit.refusal();
            throw new CommandRefusedException(refusal.code(), refusal.field(), refusal.message());
        }
        return value;
    }

    /**
     * A required text, bounded and cleaned ({@link TextInput#clean}), or a refusal: {@code TEXT_TOO_LONG}, or
     * {@code code} with {@code message} when it is missing or has nothing visible left.
     */
    public static String text(String value, TextLimit limit, String code, String message) {
        String cleaned = optionalText(value, limit);
        that(cleaned != null, code, limit.field(), message);
        return cleaned;
    }

    /** An optional text, bounded and cleaned; {@code null} when absent or with nothing visible left. */
    public static String optionalText(String value, TextLimit limit) {
        String cleaned = bounded(TextInput.clean(bounded(value, limit)), limit);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
