package org.jekafo.api.audit;

/**
 * A page of the audit trail: at most {@code first} events matching {@code filter}, in global position order (then by
 * event id, should two share a position; {@code descending} or not), after the event at {@code afterPosition} with id
 * {@code afterEventId} in that order (from the start when null); or, {@code backward}, the {@code first} events just
 * before it (the end when null), still answered in order. Answered with an {@link AuditPage}, whose {@code hasMore}
 * then says whether more come before.
 */
public record FindAuditTrailQuery(AuditFilter filter, int first, Long afterPosition, String afterEventId,
                                  boolean descending, boolean backward) {

    public FindAuditTrailQuery {
        filter = filter == null ? AuditFilter.none() : filter;
    }
}
