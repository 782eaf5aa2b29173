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
 * chapter officer the events that concern a unit of their subtree — a trail asked for without a unit is narrowed to
 * theirs, one asked for another unit outside it is refused. Field agents, members and administrators never.
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

    /** A national role reads everything; an officer their subtree, which a filter without a unit is narrowed to. */
    private static AuditFilter bounded(AuditFilter filter, ActingPrincipal principal, AccessScope scope,
                                       String field) {
        if (principal.role().national()) {
            return filter;
        }
        if (filter.orgUnitId() != null) {
            scope.requireUnit(principal, filter.orgUnitId(), field);
            return filter;
        }
        return filter.withOrgUnit(scope.boundUnitId(principal).orElseThrow(() -> AccessRefusedException.forbidden(
                field, "L'unité « " + principal.unitCode() + " » de votre jeton n'existe pas.")));
    }
}
