package org.jekafo.app.audit;

import org.jekafo.api.audit.AuditFilter;
import org.jekafo.api.audit.FindAuditTrailQuery;
import org.jekafo.api.audit.StreamAuditTrailQuery;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.AccessScope;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

import static org.jekafo.app.platform.gate.Role.AUDITOR;
import static org.jekafo.app.platform.gate.Role.CHAPTER_OFFICER;
import static org.jekafo.app.platform.gate.Role.EXECUTIVE_BUREAU;

/**
 * Who may read the audit trail (GraphQL and export alike): auditors and the executive bureau the whole federation; a
 * chapter officer the events that concern a unit of their subtree as the tree stands now — whatever the trail asks
 * for is kept within that reach, and a unit outside it is refused. Field agents, members and administrators never.
 * The reach is today's tree, not the tree at each event's time as the {@code orgUnit} criterion: an officer reads what
 * concerns the units they answer for now, including what happened there before a unit was moved under them.
 */
@Component
class AuditPolicy implements AccessPolicy {

    private static final Set<Role> READERS = EnumSet.of(AUDITOR, EXECUTIVE_BUREAU, CHAPTER_OFFICER);

    @Override
    public void declare(Declarations rules) {
        rules.message(FindAuditTrailQuery.class, READERS, (query, principal, scope) -> new FindAuditTrailQuery(
                        bounded(query.filter(), principal, scope, "filter.orgUnit"), query.first(), query.afterPosition(),
                        query.afterEventId(), query.descending(), query.backward()))
                .exposedAs("Query.auditTrail", "Query.correlationTrail");
        rules.message(StreamAuditTrailQuery.class, READERS, (query, principal, scope) -> new StreamAuditTrailQuery(
                bounded(query.filter(), principal, scope, "orgUnit")));
    }

    /** A national role reads everything; an officer within their subtree as it stands, whatever unit they ask for. */
    private static AuditFilter bounded(AuditFilter filter, ActingPrincipal principal, AccessScope scope,
                                       String field) {
        if (principal.role().national()) {
            return filter.withinReach(null);
        }
        if (filter.orgUnitId() != null) {
            scope.requireUnit(principal, filter.orgUnitId(), field);
        }
        return filter.withinReach(scope.boundUnitId(principal).orElseThrow(() -> AccessRefusedException.forbidden(
                field, "L'unité « " + principal.unitCode() + " » de votre jeton n'existe pas.")));
    }
}
