package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Destroys a member's personal data (crypto-shredding); a reason is required. Nothing can change the member afterwards. */
public record ErasePersonalDataCommand(@TargetAggregateIdentifier String memberId, String reason) {
}
