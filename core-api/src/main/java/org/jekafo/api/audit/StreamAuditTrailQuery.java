package org.jekafo.api.audit;

/**
 * Every event of the audit trail matching {@code filter}, in global position order, as a stream of
 * {@link AuditEntryView}s (a streaming query: read from the index a page at a time as the receiver asks, in
 * constant memory, however many there are). For exports.
 */
public record StreamAuditTrailQuery(AuditFilter filter) {

    public StreamAuditTrailQuery {
        filter = filter == null ? AuditFilter.none() : filter;
    }
}
