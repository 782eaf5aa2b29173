package org.jekafo.app.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.audit.AuditEntryView;
import org.jekafo.api.audit.StreamAuditTrailQuery;
import org.jekafo.app.platform.export.ExportEndpoint;
import org.jekafo.app.platform.export.StreamedExport;
import org.jekafo.app.platform.export.StreamedExport.Column;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataAccessLog;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /exports/audit.csv} and {@code /exports/audit.ndjson}: the whole audit trail a filter selects (the
 * criteria of {@code auditTrail} as query parameters: {@code aggregateType}, {@code aggregateId}, {@code eventName}
 * (repeated), {@code principal}, {@code role}, {@code channel}, {@code orgUnit}, {@code correlationId},
 * {@code causationId}, {@code from}, {@code to} (ISO-8601 instants), {@code text}), in position order, streamed
 * ({@link StreamedExport}) with its SHA-256 in the last line. The same gate and rule as {@code auditTrail}; the members
 * the exported events are about are journaled for auditors, chunk by chunk, before they are written.
 */
@RestController
@ExportEndpoint
class AuditExportController {

    static final String OPERATION = "exportAuditTrail";

    private static final List<Column<AuditEntryView>> COLUMNS = List.of(
            new Column<>("position", AuditEntryView::position),
            new Column<>("occurredAt", AuditEntryView::occurredAt),
            new Column<>("capturedAt", AuditEntryView::capturedAt),
            new Column<>("aggregateType", AuditEntryView::aggregateType),
            new Column<>("aggregateId", AuditEntryView::aggregateId),
            new Column<>("sequence", AuditEntryView::sequence),
            new Column<>("eventName", AuditEntryView::eventName),
            new Column<>("eventId", AuditEntryView::eventId),
            new Column<>("principal", AuditEntryView::principal),
            new Column<>("role", AuditEntryView::role),
            new Column<>("channel", AuditEntryView::channel),
            new Column<>("orgUnitIds", AuditEntryView::orgUnitIds),
            new Column<>("correlationId", AuditEntryView::correlationId),
            new Column<>("causationId", AuditEntryView::causationId),
            new Column<>("summary", AuditEntryView::summary),
            new Column<>("changedFields", AuditEntryView::changedFields));

    private final QueryGateway queries;
    private final PrincipalProvider principals;
    private final PersonalDataAccessLog journal;

    AuditExportController(QueryGateway queries, PrincipalProvider principals, PersonalDataAccessLog journal) {
        this.queries = queries;
        this.principals = principals;
        this.journal = journal;
    }

    @GetMapping("/exports/audit.{format}")
    void export(@PathVariable String format, @RequestParam(required = false) String aggregateType,
                @RequestParam(required = false) String aggregateId,
                @RequestParam(name = "eventName", required = false) List<String> eventNames,
                @RequestParam(required = false) String principal, @RequestParam(required = false) String role,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String orgUnit,
                @RequestParam(required = false) String correlationId,
                @RequestParam(required = false) String causationId, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String text,
                HttpServletResponse response) throws IOException {
        StreamedExport.Format chosen = StreamedExport.Format.of(format);
        ActingPrincipal caller = principals.current();
        AuditFilterInput input = new AuditFilterInput(aggregateType, aggregateId, eventNames, principal, role, channel,
                orgUnit, correlationId, causationId, instant(from, "from"), instant(to, "to"), text);
        StreamAuditTrailQuery query = new StreamAuditTrailQuery(AuditFilterInput.toFilter(input, ""));
        StreamedExport.write(response, chosen, "piste-audit", COLUMNS,
                queries.streamingQuery(query, AuditEntryView.class),
                chunk -> journal.recordReads(caller, chunk.stream().flatMap(e -> e.dataSubjects().stream()).toList(),
                        OPERATION, false));
    }

    private static Instant instant(String value, String field) {
        try {
            return value == null || value.isBlank() ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("INVALID_INPUT", field, "Date et heure attendues au format ISO-8601 "
                    + "(par ex. 2026-12-01T00:00:00Z).");
        }
    }
}
