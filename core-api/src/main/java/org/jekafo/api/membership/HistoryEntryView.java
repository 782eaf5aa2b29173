package org.jekafo.api.membership;

import java.time.Instant;
import java.util.List;

/** One event of a member's history: when, what, who (and in which role), through which channel, and the fields it carried. */
public record HistoryEntryView(long sequence, String eventId, Instant occurredAt, String type, String principal, String role, String channel, String correlationId, String causationId, Instant capturedAt, List<FieldChange> changes) {
}
