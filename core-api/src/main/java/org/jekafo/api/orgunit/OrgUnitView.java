package org.jekafo.api.orgunit;

import java.util.List;

/** A unit of the federation; {@code ancestorIds} run from the national root to the parent. */
public record OrgUnitView(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId, List<String> ancestorIds, boolean closed, long version) {
}
