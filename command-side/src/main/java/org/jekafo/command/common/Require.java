package org.jekafo.command.common;

/** Short guards for command handlers: each throws a {@link CommandRefusedException} when its condition fails. */
public final class Require {

    private Require() {
    }

    public static void that(boolean condition, String code, String field, String message) {
        if (!condition) {
            throw new CommandRefusedException(code, field, message);
        }
    }

    /** The text, stripped, or a refusal when it is missing or blank. */
    public static String text(String value, String code, String field, String message) {
        that(value != null && !value.isBlank(), code, field, message);
        return value.strip();
    }
}
