package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a consultation not yet closed, with a reason: no result is ever produced. */
public record CancelConsultationCommand(@TargetAggregateIdentifier String consultationId, String reason) {
}
