package org.jekafo.api.consultation;

/**
 * What a voter is given back: the participation, and for a secret ballot the receipt code with which anyone can
 * check that the ballot is in the published ballot box (it shows an encryption, never the choice).
 */
public record BallotReceipt(String participationId, String receipt) {
}
