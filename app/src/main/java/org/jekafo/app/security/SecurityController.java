package org.jekafo.app.security;

import graphql.GraphQLContext;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.PageInfo;
import org.jekafo.app.orgunit.OrgUnits;

import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.identity.CursorSeal;
import org.jekafo.app.platform.gate.PersonalDataAccessLog;
import org.jekafo.app.platform.gate.PersonalDataAccessLog.Access;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.nio.ByteBuffer;
import java.util.List;

/** Who is calling, and the journal of personal-data reads. Access rules: {@code AccessRules}. */
@Controller
class SecurityController {

    private static final String CURSOR_KIND = "personal-data-accesses";

    private final PrincipalProvider principals;
    private final PersonalDataAccessLog accessLog;
    private final OrgUnits orgUnits;
    private final CursorSeal cursors;

    SecurityController(PrincipalProvider principals, PersonalDataAccessLog accessLog, OrgUnits orgUnits,
                       CursorSeal cursors) {
        this.cursors = cursors;
        this.principals = principals;
        this.accessLog = accessLog;
        this.orgUnits = orgUnits;
    }

    record AccessEdge(Access node, String cursor) {
    }

    record AccessConnection(List<AccessEdge> edges, PageInfo pageInfo) {
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
    OrgUnitView unit(ActingPrincipal principal, GraphQLContext request) {
        if (principal.unitCode() == null) {
            return null;
        }
        return orgUnits.all(request).values().stream().filter(unit -> unit.code().equals(principal.unitCode())).findFirst()
                .orElse(null);
    }

    @QueryMapping
    AccessConnection personalDataAccesses(@Argument String memberId, @Argument int first, @Argument String after) {
        if (first < 0 || first > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 lectures.");
        }
        InvalidInputException.bounded(after, TextLimit.CURSOR);
        ActingPrincipal caller = principals.current();
        Long before = after == null || after.isBlank() ? null : cursors.open(CURSOR_KIND, caller, memberId, after)
                .filter(payload -> payload.length == Long.BYTES).map(payload -> ByteBuffer.wrap(payload).getLong())
                .orElseThrow(InvalidInputException::invalidCursor);
        List<Access> page = accessLog.page(memberId, before, first + 1);
        List<AccessEdge> edges = page.stream().limit(first).map(access -> new AccessEdge(access, cursors.seal(
                CURSOR_KIND, caller, memberId, ByteBuffer.allocate(Long.BYTES).putLong(access.id()).array()))).toList();
        return new AccessConnection(edges, PageInfo.of(edges.stream().map(AccessEdge::cursor).toList(),
                page.size() > first, before != null));
    }
}
