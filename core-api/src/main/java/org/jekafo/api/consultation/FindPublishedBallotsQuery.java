package org.jekafo.api.consultation;

/** A page of a secret consultation's published ballot box (for a recount); {@code after} is the last ballot id seen. */
public record FindPublishedBallotsQuery(String consultationId, int first, String after) {
}
