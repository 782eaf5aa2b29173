package org.jekafo.app.census;

import org.jekafo.api.census.CompleteCensusImportCommand;
import org.jekafo.api.census.FailCensusImportCommand;
import org.jekafo.api.census.FindCensusImportQuery;
import org.jekafo.api.census.StartCensusImportCommand;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Census imports: the executive bureau uploads them (the {@code /imports} endpoint checks it, {@link
 * CensusImportController#IMPORTERS}), the server runs them; oversight roles follow their progress, which holds no
 * personal data.
 */
@Component
class CensusPolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        Set<Role> importers = EnumSet.copyOf(CensusImportController.IMPORTERS);
        importers.add(Role.SYSTEM);
        rules.message(StartCensusImportCommand.class, importers, Reach.unbounded());
        rules.message(CompleteCensusImportCommand.class, importers, Reach.unbounded());
        rules.message(FailCensusImportCommand.class, importers, Reach.unbounded());
        Set<Role> oversight = EnumSet.of(Role.EXECUTIVE_BUREAU, Role.AUDITOR, Role.ADMIN);
        rules.operation("Query.censusImport", oversight);
        rules.operation("Query.censusImports", oversight);
        rules.message(FindCensusImportQuery.class, oversight, Reach.unbounded())
                .exposedAs("Subscription.censusImportProgress");
    }
}
