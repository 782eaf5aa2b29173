package org.jekafo.api.consultation;

/**
 * The aggregate types of consultations, as the event store records them with each event (and as history is asked
 * for them). Stored with every event: never renamed.
 */
public final class ConsultationAggregates {

    /** A consultation: its plan, opening, closing and tally. */
    public static final String CONSULTATION = "Consultation";
    /** One member's participation in one consultation (its identifier is derived from both: one per member). */
    public static final String PARTICIPATION = "Participation";
    /** A secret ballot, stored apart from any participation: it names no member. */
    public static final String SECRET_BALLOT = "SecretBallot";

    private ConsultationAggregates() {
    }
}
