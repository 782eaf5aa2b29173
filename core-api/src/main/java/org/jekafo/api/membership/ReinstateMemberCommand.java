package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reinstates a suspended or resigned member. */
public record ReinstateMemberCommand(@TargetAggregateIdentifier String memberId, String reason) {
}
