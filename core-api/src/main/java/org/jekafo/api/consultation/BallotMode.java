package org.jekafo.api.consultation;

/** Whether a ballot is attributable to its voter. */
public enum BallotMode {
    /** The vote is attributable; live tallies may be shown while the consultation is open. */
    OPEN,
    /** Encrypted ballots, counted together; only participation is attributable, and only turnout is shown while open. */
    SECRET
}
