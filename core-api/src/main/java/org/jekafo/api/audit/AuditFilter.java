package org.jekafo.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * Which events of the audit trail a query is about; every criterion is optional and they combine with AND.
 * {@code aggregateType} is the type the event store records ({@code Member}, {@code OrgUnit}…), {@code eventNames}
 * stable names ({@code MemberSuspendedEvent}…, any of them), {@code role} and {@code channel} names of the roles and
 * channels, {@code orgUnitId} a unit whose whole subtree is concerned (as it stood at each event's time),
 * {@code from} inclusive and {@code to} exclusive, {@code text} words of the French summary (accent- and
 * case-insensitive, all of them). {@code reachUnitId} is set by the gate, never by the caller: what a caller bounded
 * to a unit may read, the events concerning a unit of its subtree as the tree stands now (access follows today's
 * responsibilities, whatever the tree was when the events happened).
 */
public record AuditFilter(String aggregateType, String aggregateId, List<String> eventNames, String principal,
                          String role, String channel, String orgUnitId, String correlationId, String causationId,
                          Instant from, Instant to, String text, String reachUnitId) {

    /** No criterion: every event. */
    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Everything one request or one import caused: the events carrying its correlation id. */
    public static AuditFilter correlated(String correlationId) {
        return new AuditFilter(null, null, null, null, null, null, null, correlationId, null, null, null, null, null);
    }

    /** This filter narrowed to a unit's subtree. */
    public AuditFilter withOrgUnit(String unitId) {
        return new AuditFilter(aggregateType, aggregateId, eventNames, principal, role, channel, unitId, correlationId,
                causationId, from, to, text, reachUnitId);
    }

    /** This filter within the reach of a caller bounded to a unit: its subtree as the tree stands now. */
    public AuditFilter withinReach(String unitId) {
        return new AuditFilter(aggregateType, aggregateId, eventNames, principal, role, channel, orgUnitId,
                correlationId, causationId, from, to, text, unitId);
    }
}
