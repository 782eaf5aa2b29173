package org.jekafo.api.orgunit;

/**
 * Units, optionally only of one level or only the children of one parent; closed units only on request; answered
 * with an {@link OrgUnitList}.
 */
public record FindOrgUnitsQuery(OrgUnitLevel level, String parentId, boolean includeClosed) {
}
