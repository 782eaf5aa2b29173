package org.jekafo.query.audit;

import org.jekafo.api.audit.AuditEntryView;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;
import java.util.List;

/**
 * One event in the {@code jekafo-audit} index (see {@code audit.json}): written once, under the event's identifier,
 * at the event's global position as its version — a redelivered or replayed event writes the same document again,
 * which Elasticsearch keeps as it is.
 */
class AuditDocument extends VersionedDocument {
    public String eventId;
    public long position;
    public Instant occurredAt;
    public Instant capturedAt;
    public String aggregateType;
    public String aggregateId;
    public long sequence;
    public String eventName;
    public String principal;
    public String role;
    public String channel;
    public List<String> orgUnitIds;
    public String correlationId;
    public String causationId;
    public String summary;
    /** The summary folded (accents and case removed, {@code TextFolding}): what a free-text search matches. */
    public String summaryFolded;
    public List<String> changedFields;
    public List<String> dataSubjects;

    @Override
    public String documentId() {
        return eventId;
    }

    AuditEntryView toView() {
        return new AuditEntryView(eventId, position, occurredAt, capturedAt, aggregateType, aggregateId, sequence,
                eventName, principal, role, channel, orgUnitIds == null ? List.of() : List.copyOf(orgUnitIds),
                correlationId, causationId, summary, changedFields == null ? List.of() : List.copyOf(changedFields),
                dataSubjects == null ? List.of() : List.copyOf(dataSubjects));
    }
}
