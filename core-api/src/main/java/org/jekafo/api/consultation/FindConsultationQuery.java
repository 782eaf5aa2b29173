package org.jekafo.api.consultation;

/** One consultation; answered with null when there is none. */
public record FindConsultationQuery(String consultationId) {
}
