package org.jekafo.api.orgunit;

/** One unit by id or by code. */
public record FindOrgUnitQuery(String orgUnitId, String code) {
}
