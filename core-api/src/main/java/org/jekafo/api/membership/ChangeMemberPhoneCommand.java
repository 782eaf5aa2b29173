package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a member's new phone number. */
public record ChangeMemberPhoneCommand(@TargetAggregateIdentifier String memberId, String phone) {
}
