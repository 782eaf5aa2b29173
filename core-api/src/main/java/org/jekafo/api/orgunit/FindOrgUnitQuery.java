package org.jekafo.api.orgunit;

/** One unit by id or by code; answered with its {@link OrgUnitView}, or null when there is none. */
public record FindOrgUnitQuery(String orgUnitId, String code) {
}
