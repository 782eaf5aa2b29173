package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Drafts a consultation of the org unit its eligibility names (the owner unit). */
public record DraftConsultationCommand(@TargetAggregateIdentifier String consultationId, ConsultationPlan plan) {
}
