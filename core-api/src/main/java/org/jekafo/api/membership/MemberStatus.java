package org.jekafo.api.membership;

/** Where a member stands. DECEASED is final. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, RESIGNED, DECEASED;

    /** How counts name the members of this status, in French ("Actifs"…). */
    public String countLabelFr() {
        return switch (this) {
            case ACTIVE -> "Actifs";
            case SUSPENDED -> "Suspendus";
            case RESIGNED -> "Démissionnaires";
            case DECEASED -> "Décédés";
        };
    }
}
