package org.jekafo.api.membership;

import java.util.Locale;

/**
 * The one written form of a federal card number, shared by every side that looks one up: the command side's
 * uniqueness check, the query, and the access check, which must all mean the same member.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** Trimmed and in upper case ({@code " sg-000123"} → {@code SG-000123}); {@code null} when absent or blank. */
    public static String normalized(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip().toUpperCase(Locale.ROOT);
    }
}
