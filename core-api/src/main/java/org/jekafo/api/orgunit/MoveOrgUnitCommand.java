package org.jekafo.api.orgunit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a unit under another parent of the level its parent must have. */
public record MoveOrgUnitCommand(@TargetAggregateIdentifier String orgUnitId, String newParentId) {
}
