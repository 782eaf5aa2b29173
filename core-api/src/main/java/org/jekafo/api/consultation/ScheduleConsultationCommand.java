package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fixes a draft: it opens and closes at its times by itself. */
public record ScheduleConsultationCommand(@TargetAggregateIdentifier String consultationId) {
}
