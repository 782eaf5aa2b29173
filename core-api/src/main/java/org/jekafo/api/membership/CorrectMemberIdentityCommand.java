package org.jekafo.api.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Corrects identity fields; a {@code null} field keeps its value. {@code nationalId} set to an empty string removes it. */
public record CorrectMemberIdentityCommand(@TargetAggregateIdentifier String memberId, String lastName, String firstName, String gender, Integer birthYear, String nationalId, Boolean disability, String reason) {
}
