package org.jekafo.command.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;

/** What the command side knows of a unit to check other commands against it. */
public record OrgUnitEntry(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId,
                           boolean closed) {
}
