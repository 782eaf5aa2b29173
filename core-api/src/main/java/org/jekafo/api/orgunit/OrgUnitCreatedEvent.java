package org.jekafo.api.orgunit;

/** A unit of the federation was created. */
public record OrgUnitCreatedEvent(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
}
