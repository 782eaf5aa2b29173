package org.jekafo.app.graphql;

import org.jekafo.api.common.Cursors;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.security.ActingPrincipal;
import org.jekafo.app.security.PersonalDataAccessLog;
import org.jekafo.app.security.PersonalDataAccessLog.Access;
import org.jekafo.app.security.PrincipalProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Optional;

/** Who is calling, and the journal of personal-data reads. Access rules: {@code AccessRules}. */
@Controller
class SecurityController {

    private static final String CURSOR_KIND = "access";

    private final PrincipalProvider principals;
    private final PersonalDataAccessLog accessLog;
    private final OrgUnits orgUnits;

    SecurityController(PrincipalProvider principals, PersonalDataAccessLog accessLog, OrgUnits orgUnits) {
        this.principals = principals;
        this.accessLog = accessLog;
        this.orgUnits = orgUnits;
    }

    record AccessEdge(Access node, String cursor) {
    }

    record AccessConnection(List<AccessEdge> edges, MemberController.PageInfo pageInfo) {
    }

    @QueryMapping
    ActingPrincipal me() {
        return principals.current();
    }

    @SchemaMapping(typeName = "Principal")
    String roleLabel(ActingPrincipal principal) {
        return principal.role().label();
    }

    @SchemaMapping(typeName = "Principal")
    OrgUnitView unit(ActingPrincipal principal) {
        if (principal.unitCode() == null) {
            return null;
        }
        return orgUnits.all().values().stream().filter(unit -> unit.code().equals(principal.unitCode())).findFirst()
                .orElse(null);
    }

    @QueryMapping
    AccessConnection personalDataAccesses(@Argument String memberId, @Argument int first, @Argument String after) {
        if (first < 0 || first > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 lectures.");
        }
        InvalidInputException.bounded(after, TextLimit.CURSOR);
        List<Access> page = accessLog.page(memberId, after == null ? null : decode(after), first + 1);
        List<AccessEdge> edges = page.stream().limit(first).map(access -> new AccessEdge(access, encode(access.id())))
                .toList();
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new AccessConnection(edges, new MemberController.PageInfo(page.size() > first, end));
    }

    private static String encode(long id) {
        return Cursors.encode(CURSOR_KIND, Long.toString(id));
    }

    private static long decode(String cursor) {
        return Cursors.decode(CURSOR_KIND, cursor).flatMap(SecurityController::number)
                .orElseThrow(() -> new InvalidInputException("INVALID_CURSOR", "after", "Ce curseur n'est pas valide."));
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
