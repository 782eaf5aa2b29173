package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Transfers a member to another open local unit. */
public record TransferMemberCommand(@TargetAggregateIdentifier String memberId, String toLocalUnitId, String reason) {
}
