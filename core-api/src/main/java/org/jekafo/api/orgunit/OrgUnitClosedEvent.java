package org.jekafo.api.orgunit;

/** A unit was closed; it keeps its history. */
public record OrgUnitClosedEvent(String orgUnitId, String reason) {
}
