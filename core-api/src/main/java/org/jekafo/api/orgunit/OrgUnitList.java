package org.jekafo.api.orgunit;

import java.util.List;

/**
 * The units a {@link FindOrgUnitsQuery} selects, ordered by code. A record rather than a bare list: a serialized
 * response carries its class name only, and a list's elements would come back as maps.
 */
public record OrgUnitList(List<OrgUnitView> units) {
}
