package org.jekafo.command.consultation;

import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationStatus;

import java.time.Instant;

/** A consultation as the command side sees it: its owner unit, status, plan, closing time and (secret) public key. */
public record ConsultationEntry(String consultationId, String orgUnitId, ConsultationStatus status,
                                ConsultationPlan plan, Instant closesAt, String publicKey) {
}
