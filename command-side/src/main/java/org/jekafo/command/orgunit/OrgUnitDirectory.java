package org.jekafo.command.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;

import java.util.List;
import java.util.Optional;

/** Command-side look-up of the federation's tree, kept in the same transaction as the events. */
public interface OrgUnitDirectory {

    Optional<OrgUnitEntry> find(String orgUnitId);

    Optional<OrgUnitEntry> findByCode(String code);

    List<OrgUnitEntry> all();

    boolean hasOpenChildren(String orgUnitId);

    /** Members of the unit who are neither resigned nor deceased. */
    long currentMemberCount(String orgUnitId);

    /** The region a unit belongs to (itself when regional), if any. */
    default Optional<OrgUnitEntry> regionOf(String orgUnitId) {
        Optional<OrgUnitEntry> unit = find(orgUnitId);
        while (unit.isPresent() && unit.get().level() == OrgUnitLevel.LOCAL) {
            unit = find(unit.get().parentId());
        }
        return unit.filter(u -> u.level() == OrgUnitLevel.REGIONAL);
    }
}
