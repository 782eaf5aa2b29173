package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Moves a scheduled or open consultation's closing time later, with a reason. */
public record ExtendConsultationCommand(@TargetAggregateIdentifier String consultationId, Instant closesAt,
                                        String reason) {
}
