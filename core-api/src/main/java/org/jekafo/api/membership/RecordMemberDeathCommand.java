package org.jekafo.api.membership;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a member's death. Nothing can change a deceased member afterwards. */
public record RecordMemberDeathCommand(@TargetAggregateIdentifier String memberId, LocalDate diedOn) {
}
