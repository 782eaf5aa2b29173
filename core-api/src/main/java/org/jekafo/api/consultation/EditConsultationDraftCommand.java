package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a draft's plan (the owner unit stays). */
public record EditConsultationDraftCommand(@TargetAggregateIdentifier String consultationId, ConsultationPlan plan) {
}
