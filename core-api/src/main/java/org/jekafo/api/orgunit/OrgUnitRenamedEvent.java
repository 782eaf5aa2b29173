package org.jekafo.api.orgunit;

/** A unit was renamed. */
public record OrgUnitRenamedEvent(String orgUnitId, String previousName, String name) {
}
