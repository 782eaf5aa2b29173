package org.jekafo.command.consultation;

import org.jekafo.api.consultation.VoterGroup;

/** A ballot as the box holds it: its choices (open) or encryption (secret), and its voter's groups. */
record BoxedBallot(String choices, VoterGroup voter) {
}
