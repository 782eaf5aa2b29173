package org.jekafo.api.orgunit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a unit under {@code parentId} (null only for the national root); {@code code} is a unique, readable reference such as {@code SG-03}. */
public record CreateOrgUnitCommand(@TargetAggregateIdentifier String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
}
