package org.jekafo.api.consultation;

/** Whether a secret ballot with this receipt code is in the consultation's ballot box. */
public record CheckReceiptQuery(String consultationId, String receipt) {
}
