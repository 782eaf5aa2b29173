package org.jekafo.api.membership;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a member's trades (at least one). */
public record ChangeMemberTradesCommand(@TargetAggregateIdentifier String memberId, List<String> trades) {
}
