package org.jekafo.api.consultation;

import java.time.Instant;

/**
 * Which consultations to list: of an org unit (and, with {@code includeSubunits}, its subtree), in a status, open
 * at some time between two instants.
 */
public record ConsultationFilter(String orgUnitId, boolean includeSubunits, ConsultationStatus status, Instant from,
                                 Instant to) {
}
