package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends an active member; a reason is required. */
public record SuspendMemberCommand(@TargetAggregateIdentifier String memberId, String reason) {
}
