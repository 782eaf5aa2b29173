package org.jekafo.api.consultation;

/** Where a consultation is in its life. */
public enum ConsultationStatus {
    DRAFT, SCHEDULED, OPEN, CLOSED, TALLIED, CANCELLED
}
