package org.jekafo.api.consultation;

/** What a tally found. */
public enum ConsultationOutcome {
    /** Turnout reached the quorum: the counts are the result. */
    RESULTS,
    /** Turnout stayed below the quorum: recorded as such, no result. */
    NO_QUORUM
}
