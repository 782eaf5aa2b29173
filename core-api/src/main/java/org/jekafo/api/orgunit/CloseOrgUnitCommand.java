package org.jekafo.api.orgunit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a unit that has no open sub-unit and no current member. */
public record CloseOrgUnitCommand(@TargetAggregateIdentifier String orgUnitId, String reason) {
}
