package org.jekafo.app.platform.graphql;

import org.jekafo.api.common.Refusal;
import org.jekafo.api.common.TextLimit;

/** Input refused by the API layer itself, before any command is sent. */
public class InvalidInputException extends RuntimeException {

    private final transient Refusal refusal;

    public InvalidInputException(String code, String field, String message) {
        this(new Refusal(code, field, message));
    }

    InvalidInputException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    /** The value as given, or a {@code TEXT_TOO_LONG} refusal (which never quotes it) when it exceeds its limit. */
    public static String bounded(String value, TextLimit limit) {
        if (!limit.admits(value)) {
            throw new InvalidInputException(limit.refusal());
        }
        return value;
    }

    /**
     * One refusal for every cursor that does not open, whatever the reason: the same code and words whether it was
     * altered, sealed for another caller or query, or names a member that exists or not.
     */
    public static InvalidInputException invalidCursor() {
        return invalidCursor("after");
    }

    /** {@link #invalidCursor()} for the cursor given as {@code field} ({@code after}, {@code before}). */
    public static InvalidInputException invalidCursor(String field) {
        return new InvalidInputException("INVALID_CURSOR", field, "Ce curseur de pagination n'est pas valide pour "
                + "cette requête : il vient d'une autre recherche, d'un autre utilisateur ou a été modifié. Reprenez à "
                + "la première page.");
    }

    public Refusal refusal() {
        return refusal;
    }
}
