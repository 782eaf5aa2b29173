package org.jekafo.api.consultation;

import java.util.List;

/** A page of consultations, and how many match in all. */
public record ConsultationPage(List<ConsultationView> consultations, long totalCount, boolean hasNextPage) {
}
