package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an open consultation before its time, with a reason. */
public record CloseConsultationCommand(@TargetAggregateIdentifier String consultationId, String reason) {
}
