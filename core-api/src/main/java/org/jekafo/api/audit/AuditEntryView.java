package org.jekafo.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event of the audit trail: where it stands in the whole store ({@code position}), when, of which aggregate
 * (type, id, sequence), what (its stable name), who (principal and role), through which channel, which units it
 * concerns, which request and message led to it, and a French summary that names no one: the fields it set, with
 * their values only when they are no personal data. {@code dataSubjects} are the members the event is about.
 */
public record AuditEntryView(String eventId, long position, Instant occurredAt, Instant capturedAt,
                             String aggregateType, String aggregateId, long sequence, String eventName,
                             String principal, String role, String channel, List<String> orgUnitIds,
                             String correlationId, String causationId, String summary, List<String> changedFields,
                             List<String> dataSubjects) {
}
