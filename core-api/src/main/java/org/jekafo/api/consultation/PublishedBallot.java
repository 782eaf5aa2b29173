package org.jekafo.api.consultation;

/** A secret ballot as published: its encryption with proofs, receipt code and the groups it is counted in. */
public record PublishedBallot(String ballotId, String consultationId, String receipt, String ballot,
                              VoterGroup voter) {
}
