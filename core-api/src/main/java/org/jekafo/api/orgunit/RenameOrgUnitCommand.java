package org.jekafo.api.orgunit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a unit a new name. */
public record RenameOrgUnitCommand(@TargetAggregateIdentifier String orgUnitId, String name) {
}
