package org.jekafo.api.common;

import java.util.Locale;
import java.util.Optional;

/** Gender as the census records it. */
public enum Gender {
    F, M;

    /** Reads the ways the census writes it: F/M, femme/homme, female/male, any case. */
    public static Optional<Gender> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "F", "FEMME", "FEMALE" -> Optional.of(F);
            case "M", "H", "HOMME", "MALE" -> Optional.of(M);
            default -> Optional.empty();
        };
    }
}
