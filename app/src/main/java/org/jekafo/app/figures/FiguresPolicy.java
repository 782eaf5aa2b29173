package org.jekafo.app.figures;

import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.AccessScope;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

import static org.jekafo.app.platform.gate.Role.ADMIN;
import static org.jekafo.app.platform.gate.Role.AUDITOR;
import static org.jekafo.app.platform.gate.Role.CHAPTER_OFFICER;
import static org.jekafo.app.platform.gate.Role.EXECUTIVE_BUREAU;
import static org.jekafo.app.platform.gate.Role.FIELD_AGENT;

/**
 * Who may read the figures as of a date and the indicators: whoever may count the members today
 * ({@code memberCounts}), within the same bounds: field agents their local unit, officers their section, the bureau,
 * auditors and administrators everything (small counts hidden from the last two). Without a unit, a bounded caller's
 * figures are those of their own unit.
 */
@Component
class FiguresPolicy implements AccessPolicy {

    private static final Set<Role> READERS = EnumSet.of(FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final String UNIT = "orgUnitId";

    @Override
    public void declare(Declarations rules) {
        rules.message(CountMembersAsOfQuery.class, READERS, (query, principal, scope) ->
                new CountMembersAsOfQuery(bounded(query.orgUnitId(), principal, scope), query.at()))
                .exposedAs("Query.memberCountsAsOf");
        rules.message(FindIndicatorsQuery.class, READERS, (query, principal, scope) ->
                new FindIndicatorsQuery(bounded(query.orgUnitId(), principal, scope), query.from(), query.to(),
                        query.interval()))
                .exposedAs("Query.indicators");
    }

    /** The unit asked for, checked within the principal's bounds; their own unit when none is asked for. */
    private static String bounded(String unitId, ActingPrincipal principal, AccessScope scope) {
        if (principal.role().national()) {
            return unitId;
        }
        if (unitId != null) {
            scope.requireUnit(principal, unitId, UNIT);
            return unitId;
        }
        return scope.boundUnitId(principal).orElseThrow(() -> AccessRefusedException.forbidden(UNIT,
                "L'unité « " + principal.unitCode() + " » de votre jeton n'existe pas ou ne convient pas à votre "
                        + "rôle (un agent de terrain relève d'une unité locale)."));
    }
}
