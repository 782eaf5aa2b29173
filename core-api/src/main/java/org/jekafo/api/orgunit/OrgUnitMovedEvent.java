package org.jekafo.api.orgunit;

/** A unit was moved under another parent. */
public record OrgUnitMovedEvent(String orgUnitId, String previousParentId, String newParentId) {
}
