package org.jekafo.app.platform.gate;

import org.jekafo.api.common.Refusal;

/** A caller may not do what it asked: {@code UNAUTHENTICATED} (no token) or {@code FORBIDDEN}. Nothing changed. */
public class AccessRefusedException extends RuntimeException {

    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";

    private final transient Refusal refusal;

    AccessRefusedException(String code, String field, String message) {
        super(message);
        this.refusal = new Refusal(code, field, message);
    }

    public static AccessRefusedException unauthenticated() {
        return new AccessRefusedException(UNAUTHENTICATED, null,
                "Authentification requise : présentez un jeton d'accès (en-tête Authorization: Bearer …).");
    }

    /** No valid principal, for a reason the message tells (a token that has expired since the connection opened). */
    public static AccessRefusedException unauthenticated(String message) {
        return new AccessRefusedException(UNAUTHENTICATED, null, message);
    }

    public static AccessRefusedException forbidden(String field, String message) {
        return new AccessRefusedException(FORBIDDEN, field, message);
    }

    /** Whether {@code failure} is, or was caused by, a refusal of the gate. */
    public static boolean isCause(Throwable failure) {
        return in(failure) != null;
    }

    /** The gate's refusal in {@code failure}'s cause chain, or {@code null}. */
    public static AccessRefusedException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessRefusedException refused) {
                return refused;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    public Refusal refusal() {
        return refusal;
    }
}
