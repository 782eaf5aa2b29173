package org.jekafo.command.consultation;

import java.util.List;

/** The ballots a consultation's box holds, as counted. */
interface BallotBoxContents {

    /** Every ballot of the consultation, in a fixed order that says nothing of when each was cast. */
    List<BoxedBallot> ballots(String consultationId);

    /** Whether the box holds this ballot (a secret ballot's id, or an open ballot's participation). */
    boolean holds(String consultationId, String ballotId);
}
