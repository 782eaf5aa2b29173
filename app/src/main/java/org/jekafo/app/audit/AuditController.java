package org.jekafo.app.audit;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.audit.AuditEntryView;
import org.jekafo.api.audit.AuditFilter;
import org.jekafo.api.audit.AuditPage;
import org.jekafo.api.audit.FindAuditTrailQuery;
import org.jekafo.api.common.TextLimit;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.PageInfo;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/**
 * The audit trail in GraphQL ({@code auditTrail}, {@code correlationTrail}): a page of the audit index, sealed cursors
 * on the events' global positions. The gate admits the query for the caller and narrows it to an officer's subtree
 * ({@code AuditPolicy}); the bus journals, for auditors, the members the page's events are about.
 */
@Controller
class AuditController {

    private static final int MAX_PAGE = 500;

    /** A page of the audit trail and the cursor of each of its events. */
    record AuditConnection(List<AuditEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    /** One event of a page and its cursor. */
    record AuditEdge(AuditEntryView node, String cursor) {
    }

    private final QueryGateway queries;
    private final PrincipalProvider principals;
    private final AuditCursors cursors;

    AuditController(QueryGateway queries, PrincipalProvider principals, AuditCursors cursors) {
        this.queries = queries;
        this.principals = principals;
        this.cursors = cursors;
    }

    @QueryMapping
    AuditConnection auditTrail(@Argument AuditFilterInput filter, @Argument String orderBy, @Argument Integer first,
                               @Argument String after, @Argument Integer last, @Argument String before,
                               DataFetchingEnvironment environment) {
        return page(AuditFilterInput.toFilter(filter, "filter."), "DESC".equals(orderBy), first, after, last, before,
                environment);
    }

    @QueryMapping
    AuditConnection correlationTrail(@Argument String correlationId, @Argument Integer first, @Argument String after,
                                     DataFetchingEnvironment environment) {
        InvalidInputException.bounded(correlationId, TextLimit.IDENTIFIER.forField("correlationId"));
        return page(AuditFilter.correlated(correlationId), false, first, after, null, null, environment);
    }

    private AuditConnection page(AuditFilter filter, boolean descending, Integer first, String after, Integer last,
                                 String before, DataFetchingEnvironment environment) {
        boolean backward = last != null;
        int size = backward ? last : first == null ? PageInfo.DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_PAGE) {
            throw new InvalidInputException("INVALID_INPUT", backward ? "last" : "first",
                    "Une page de la piste d'audit compte de 0 à " + MAX_PAGE + " événements.");
        }
        if (backward && after != null || !backward && before != null) {
            throw new InvalidInputException("INVALID_INPUT", backward ? "after" : "before",
                    "Avancez avec `first` et `after`, ou reculez avec `last` et `before`, sans les mélanger.");
        }
        String cursor = InvalidInputException.bounded(backward ? before : after, TextLimit.CURSOR);
        ActingPrincipal caller = principals.current();
        AuditCursors.Place place = cursors.place(caller, filter, descending, cursor, backward ? "before" : "after");
        FindAuditTrailQuery query = new FindAuditTrailQuery(filter, size, place == null ? null : place.position(),
                place == null ? null : place.eventId(), descending, backward);
        AuditPage page = queries.query(GenericMessage.asMessage(query)
                        .andMetaData(PersonalDataDisclosure.forGraphQlAnswer(environment)),
                ResponseTypes.instanceOf(AuditPage.class)).join();
        List<AuditEdge> edges = page.entries().stream().map(entry -> new AuditEdge(entry,
                cursors.of(caller, filter, descending, entry.position(), entry.eventId()))).toList();
        boolean fromACursor = cursor != null && !cursor.isBlank();
        List<String> edgeCursors = edges.stream().map(AuditEdge::cursor).toList();
        PageInfo pageInfo = backward ? PageInfo.of(edgeCursors, fromACursor, page.hasMore())
                : PageInfo.of(edgeCursors, page.hasMore(), fromACursor);
        return new AuditConnection(edges, pageInfo, page.totalCount());
    }
}
