package org.jekafo.api.consultation;

/** The answer to a receipt check: found or not, and the ballot's published fingerprint when found. */
public record ReceiptCheck(String consultationId, String receipt, boolean found, String ballotId) {
}
