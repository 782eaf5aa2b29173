package org.jekafo.api.membership;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a member resigned, effective on a date. */
public record RecordMemberResignationCommand(@TargetAggregateIdentifier String memberId, LocalDate effectiveOn, String reason) {
}
