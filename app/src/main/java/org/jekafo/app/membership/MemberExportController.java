package org.jekafo.app.membership;

import jakarta.servlet.http.HttpServletResponse;
import org.jekafo.api.common.Masks;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.membership.StreamMembersQuery;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.TextLimit;
import org.jekafo.app.platform.export.ExportEndpoint;
import org.jekafo.app.platform.export.StreamedExport;
import org.jekafo.app.platform.export.StreamedExport.Column;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataAccessLog;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * {@code GET /exports/members.csv} and {@code /exports/members.ndjson}: the members of an org unit's subtree
 * ({@code orgUnit}, a global id or raw identifier; the caller's own unit when bounded and absent), optionally of one
 * {@code status}, by card number, streamed ({@link StreamedExport}) with its SHA-256 in the last line. The same gate
 * and reach as {@code members}; the fields a member read shows, phone numbers and national identity numbers masked
 * for auditors and administrators, and every exported member journaled for them, chunk by chunk, before it is
 * written.
 */
@RestController
@ExportEndpoint
class MemberExportController {

    static final String OPERATION = "exportMembers";

    private final QueryGateway queries;
    private final PrincipalProvider principals;
    private final PersonalDataAccessLog journal;

    MemberExportController(QueryGateway queries, PrincipalProvider principals, PersonalDataAccessLog journal) {
        this.queries = queries;
        this.principals = principals;
        this.journal = journal;
    }

    @GetMapping("/exports/members.{format}")
    void export(@PathVariable String format, @RequestParam(required = false) String orgUnit,
                @RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
        StreamedExport.Format chosen = StreamedExport.Format.of(format);
        ActingPrincipal caller = principals.current();
        String unit = GlobalIds.identifierOf(InvalidInputException.bounded(orgUnit,
                TextLimit.IDENTIFIER.forField("orgUnit")));
        MemberFilter filter = new MemberFilter(unit, null, null, status(status), null, null, null, null, null, null);
        boolean masked = caller.role().overseer();
        StreamedExport.write(response, chosen, "membres", columns(masked),
                queries.streamingQuery(new StreamMembersQuery(filter), MemberView.class),
                chunk -> journal.recordReads(caller, chunk.stream().map(MemberView::memberId).toList(), OPERATION,
                        false));
    }

    private static MemberStatus status(String status) {
        try {
            return status == null || status.isBlank() ? null : MemberStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("INVALID_INPUT", "status", "Statut inconnu : ACTIVE, SUSPENDED, RESIGNED "
                    + "ou DECEASED.");
        }
    }

    /** What a member read shows, masked where a member read is masked for the caller. */
    private static List<Column<MemberView>> columns(boolean masked) {
        Function<MemberView, Object> phone = masked ? m -> Masks.phone(m.phone()) : MemberView::phone;
        Function<MemberView, Object> nationalId = masked ? m -> Masks.nationalId(m.nationalId()) : MemberView::nationalId;
        return List.of(
                new Column<>("id", m -> GlobalIds.of("Member", m.memberId())),
                new Column<>("cardNumber", MemberView::cardNumber),
                new Column<>("lastName", MemberView::lastName),
                new Column<>("firstName", MemberView::firstName),
                new Column<>("gender", MemberView::gender),
                new Column<>("birthYear", MemberView::birthYear),
                new Column<>("phone", phone),
                new Column<>("nationalId", nationalId),
                new Column<>("trades", MemberView::trades),
                new Column<>("localUnitId", m -> GlobalIds.of("OrgUnit", m.localUnitId())),
                new Column<>("regionId", m -> GlobalIds.of("OrgUnit", m.regionId())),
                new Column<>("disability", MemberView::disability),
                new Column<>("enrolledOn", MemberView::enrolledOn),
                new Column<>("status", MemberView::status),
                new Column<>("statusReason", MemberView::statusReason),
                new Column<>("registeredAt", MemberView::registeredAt),
                new Column<>("updatedAt", MemberView::updatedAt),
                new Column<>("personalDataErased", MemberView::personalDataErased));
    }
}
