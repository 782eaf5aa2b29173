package org.jekafo.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * Which events of the audit trail a query is about; every criterion is optional and they combine with AND.
 * {@code aggregateType} is the type the event store records ({@code Member}, {@code OrgUnit}…), {@code eventNames}
 * stable names ({@code MemberSuspendedEvent}…, any of them), {@code role} and {@code channel} names of the roles and
 * channels, {@code orgUnitId} a unit whose whole subtree is concerned, {@code from} inclusive and {@code to} exclusive,
 * {@code text} words of the French summary (accent- and case-insensitive, all of them).
 */
public record AuditFilter(String aggregateType, String aggregateId, List<String> eventNames, String principal,
                          String role, String channel, String orgUnitId, String correlationId, String causationId,
                          Instant from, Instant to, String text) {

    /** No criterion: every event. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Everything one request or one import caused: the events carrying its correlation id. */
    public static AuditFilter correlated(String correlationId) {
        return new AuditFilter(null, null, null, null, null, null, null, correlationId, null, null, null, null);
    }

    /** This filter narrowed to a unit's subtree. */
    public AuditFilter withOrgUnit(String unitId) {
        return new AuditFilter(aggregateType, aggregateId, eventNames, principal, role, channel, unitId, correlationId,
                causationId, from, to, text);
    }
}
