package org.jekafo.api.consultation;

/** A page of consultations, newest closing time first; {@code after} is the last consultation id of the previous page. */
public record FindConsultationsQuery(ConsultationFilter filter, int first, String after) {
}
