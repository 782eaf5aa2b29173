package org.jekafo.api.orgunit;

/** Units, optionally only of one level or only the children of one parent; closed units only on request. */
public record FindOrgUnitsQuery(OrgUnitLevel level, String parentId, boolean includeClosed) {
}
