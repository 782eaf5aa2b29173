package org.jekafo.app.orgunit;

import org.jekafo.api.orgunit.CloseOrgUnitCommand;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.MoveOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitAggregates;
import org.jekafo.api.orgunit.RenameOrgUnitCommand;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * The org tree, and each unit's history, is public to every caller; only the executive bureau (and the server,
 * loading it) shapes it.
 */
@Component
class OrgUnitPolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        Set<Role> everyone = EnumSet.complementOf(EnumSet.of(Role.SYSTEM));
        Set<Role> bureau = EnumSet.of(Role.EXECUTIVE_BUREAU);
        rules.message(CreateOrgUnitCommand.class, EnumSet.of(Role.EXECUTIVE_BUREAU, Role.SYSTEM), Reach.unbounded())
                .exposedAs("Mutation.createOrgUnit");
        rules.message(RenameOrgUnitCommand.class, bureau, Reach.unbounded()).exposedAs("Mutation.renameOrgUnit");
        rules.message(MoveOrgUnitCommand.class, bureau, Reach.unbounded()).exposedAs("Mutation.moveOrgUnit");
        rules.message(CloseOrgUnitCommand.class, bureau, Reach.unbounded()).exposedAs("Mutation.closeOrgUnit");
        rules.message(FindOrgUnitQuery.class, everyone, Reach.unbounded()).exposedAs("Query.orgUnit");
        rules.message(FindOrgUnitsQuery.class, everyone, Reach.unbounded()).exposedAs("Query.orgUnits");
        rules.history(OrgUnitAggregates.ORG_UNIT, everyone, Reach.unbounded()).exposedAs("Query.aggregateHistory");
    }
}
