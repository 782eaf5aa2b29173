package org.jekafo.app.membership;

import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.PageInfo;
import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.NodeKind;
import org.jekafo.app.platform.graphql.UserError;
import org.jekafo.app.platform.gate.PersonalDataAccessLog;
import org.jekafo.app.orgunit.OrgUnits;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.FindMemberHistoriesQuery;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.MemberHistories;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.membership.MembershipAggregates;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberOrder;
import org.jekafo.api.membership.MemberHistoryView;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.api.trade.Trade;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.app.membership.MemberInputs.ChangeMemberPhoneInput;
import org.jekafo.app.membership.MemberInputs.ChangeMemberTradesInput;
import org.jekafo.app.membership.MemberInputs.CorrectMemberIdentityInput;
import org.jekafo.app.membership.MemberInputs.ErasePersonalDataInput;
import org.jekafo.app.membership.MemberInputs.RecordDuesPaymentInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberDeathInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberResignationInput;
import org.jekafo.app.membership.MemberInputs.RegisterMemberInput;
import org.jekafo.app.membership.MemberInputs.ReinstateMemberInput;
import org.jekafo.app.membership.MemberInputs.SuspendMemberInput;
import org.jekafo.app.membership.MemberInputs.TransferMemberInput;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessScope;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.gate.PersonalDataReads;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.history.Histories;
import org.jekafo.app.platform.history.HistoryConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The census over GraphQL: member queries read Elasticsearch (history reads the event store). */
@Controller
class MemberController implements NodeKind {

    private final QueryGateway queries;
    private final MemberReadBack readBack;
    private final OrgUnits orgUnits;
    private final PrincipalProvider principals;
    private final AccessScope scope;
    private final MemberCursors cursors;
    private final MemberCommands commands;
    private final Histories histories;

    MemberController(QueryGateway queries, MemberCommands commands, MemberReadBack readBack, OrgUnits orgUnits,
                     PrincipalProvider principals, AccessScope scope, MemberCursors cursors, Histories histories) {
        this.commands = commands;
        this.cursors = cursors;
        this.histories = histories;
        this.principals = principals;
        this.scope = scope;
        this.queries = queries;
        this.readBack = readBack;
        this.orgUnits = orgUnits;
    }

    record MemberPayload(String clientMutationId, String memberId, MemberView member) {
    }

    record MemberConnection(List<MemberEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    record MemberEdge(MemberView node, String cursor) {
    }

    /** A count; null and {@code suppressed} when too small to show an auditor or administrator ({@link SmallCounts}). */
    record LabelledCount(String key, String label, Long count, boolean suppressed) {
    }

    record MemberCountsView(Long total, boolean totalSuppressed, List<LabelledCount> byGender,
                            List<LabelledCount> byRegion, List<LabelledCount> byLocalUnit,
                            List<LabelledCount> byTrade, List<LabelledCount> byStatus) {
    }

    @QueryMapping
    MemberView member(@Argument String id, @Argument String cardNumber, DataFetchingEnvironment environment) {
        if (id == null && cardNumber == null) {
            throw new InvalidInputException("INVALID_INPUT", "id", "Indiquez l'identifiant ou le numéro de carte.");
        }
        return ask(new FindMemberQuery(id, cardNumber), MemberView.class,
                PersonalDataDisclosure.forGraphQl(environment));
    }

    /** {@code orderBy} as bound: the field and the direction. */
    record MemberOrderBy(MemberOrder.Field field, String direction) {

        MemberOrder order() {
            return new MemberOrder(field, "DESC".equals(direction));
        }
    }

    @QueryMapping
    MemberConnection members(@Argument MemberFilter filter, @Argument MemberOrderBy orderBy, @Argument int first,
                             @Argument String after, @Argument Integer last, @Argument String before,
                             DataFetchingEnvironment environment) {
        boolean backward = last != null;
        int size = backward ? last : first;
        if (size < 0 || size > 500) {
            throw new InvalidInputException("INVALID_INPUT", backward ? "last" : "first",
                    "Une page compte de 0 à 500 membres.");
        }
        if (backward && after != null || !backward && before != null) {
            throw new InvalidInputException("INVALID_INPUT", backward ? "after" : "before",
                    "Avancez avec `first` et `after`, ou reculez avec `last` et `before`, sans les mélanger.");
        }
        String cursor = backward ? before : after;
        InvalidInputException.bounded(cursor, TextLimit.CURSOR);
        MemberOrder order = orderBy == null ? MemberOrder.BY_NAME : orderBy.order();
        ActingPrincipal caller = principals.current();
        MemberPage page = ask(new FindMembersQuery(filter, size, cursors.after(caller, filter, order, cursor), order,
                backward), MemberPage.class, PersonalDataDisclosure.forGraphQl(environment));
        List<MemberEdge> edges = new ArrayList<>();
        for (int i = 0; i < page.members().size(); i++) {
            edges.add(new MemberEdge(page.members().get(i), cursors.of(caller, filter, order, page.positions().get(i))));
        }
        if (caller.role().overseer() && page.totalCount() > 0 && page.totalCount() < SmallCounts.THRESHOLD) {
            journalNarrowedTo(caller, filter, page, environment);
        }
        boolean fromACursor = cursor != null && !cursor.isBlank();
        List<String> edgeCursors = edges.stream().map(MemberEdge::cursor).toList();
        PageInfo pageInfo = backward ? PageInfo.of(edgeCursors, fromACursor, page.hasNextPage())
                : PageInfo.of(edgeCursors, page.hasNextPage(), fromACursor);
        return new MemberConnection(edges, pageInfo, page.totalCount());
    }

    /**
     * A total of 1 to 4 tells an auditor or administrator something of the few members the filter narrows to, even
     * when none of them is on the page: all of them are recorded as read.
     */
    private void journalNarrowedTo(ActingPrincipal caller, MemberFilter filter, MemberPage page,
                                   DataFetchingEnvironment environment) {
        List<MemberView> narrowedTo = page.members().size() == page.totalCount() ? page.members()
                : ask(new FindMembersQuery(filter, (int) SmallCounts.THRESHOLD, null), MemberPage.class,
                PersonalDataDisclosure.forGraphQl(environment)).members();
        narrowedTo.forEach(member -> PersonalDataReads.of(environment.getGraphQlContext())
                .add(caller, member.memberId(), "members"));
    }

    @QueryMapping
    MemberCountsView memberCounts(@Argument MemberFilter filter, GraphQLContext request) {
        MemberCounts counts = queries.query(new CountMembersQuery(filter), ResponseTypes.instanceOf(MemberCounts.class))
                .join();
        Map<String, OrgUnitView> units = orgUnits.all(request);
        Function<String, String> unitName = id -> units.containsKey(id) ? units.get(id).name() : id;
        MemberCountsView view = new MemberCountsView(counts.total(), false,
                labelled(counts.byGender(), key -> key.equals(Gender.F.name()) ? "Femmes" : "Hommes"),
                unitsLabelled(counts.byRegion(), unitName),
                unitsLabelled(counts.byLocalUnit(), unitName),
                labelled(counts.byTrade(), code -> TradeCatalog.find(code).map(Trade::labelFr).orElse(code)),
                labelled(counts.byStatus(), status -> MemberStatus.valueOf(status).countLabelFr()));
        return principals.current().role().overseer() ? SmallCounts.suppressed(view) : view;
    }

    @QueryMapping
    List<HistoryEntryView> memberHistory(@Argument String id, DataFetchingEnvironment environment) {
        return ask(new FindMemberHistoryQuery(id), MemberHistoryView.class,
                PersonalDataDisclosure.forGraphQlAnswer(environment)).entries();
    }

    /**
     * A query of this request: the gate admits it for the caller; {@code disclosure} says how its personal data
     * comes back and who journals it ({@link PersonalDataDisclosure}).
     */
    private <R> R ask(Object query, Class<R> resultType, Map<String, Object> disclosure) {
        return queries.query(GenericMessage.asMessage(query).andMetaData(disclosure),
                ResponseTypes.instanceOf(resultType)).join();
    }

    @SchemaMapping(typeName = "Member")
    String id(MemberView member) {
        return member.memberId();
    }

    @SchemaMapping(typeName = "Member")
    List<Trade> trades(MemberView member) {
        return member.trades().stream().map(code -> TradeCatalog.find(code)
                .orElse(new Trade(code, "?", code))).toList();
    }

    /**
     * A member's unit, from the tree the request reads once ({@link OrgUnits#all(GraphQLContext)}): a look-up, so
     * no batch is needed to keep a page of members from reading the tree per member.
     */
    @SchemaMapping(typeName = "Member")
    OrgUnitView localUnit(MemberView member, GraphQLContext request) {
        return unit(member.localUnitId(), request);
    }

    @SchemaMapping(typeName = "Member")
    OrgUnitView region(MemberView member, GraphQLContext request) {
        return unit(member.regionId(), request);
    }

    /**
     * The histories of every member a request shows, in one query (not one per member); the request journals the
     * members as it renders them.
     */
    @BatchMapping(typeName = "Member")
    Map<MemberView, List<HistoryEntryView>> history(List<MemberView> members) {
        MemberHistories histories = ask(new FindMemberHistoriesQuery(members.stream().map(MemberView::memberId).toList()),
                MemberHistories.class, PersonalDataDisclosure.journaledByRequest());
        Map<MemberView, List<HistoryEntryView>> result = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            result.put(members.get(i), histories.histories().get(i).entries());
        }
        return result;
    }

    /** A page of the member's history; the histories of every member a request shows are read in one query. */
    @SchemaMapping(typeName = "Member")
    CompletableFuture<HistoryConnection> historyEntries(MemberView member, DataFetchingEnvironment environment) {
        return histories.page(MembershipAggregates.MEMBER, member.memberId(), environment);
    }

    @Override
    public String typeName() {
        return "Member";
    }

    @Override
    public String readBy() {
        return "Query.member";
    }

    @Override
    public Class<?> representedBy() {
        return MemberView.class;
    }

    @Override
    public MemberView load(String identifier, DataFetchingEnvironment environment) {
        return member(identifier, null, environment);
    }

    /** The caller's own member record (role MEMBER). */
    @SchemaMapping(typeName = "Principal")
    MemberView member(ActingPrincipal principal, DataFetchingEnvironment environment) {
        return principal.memberId() == null ? null : visibleOrNull(principal.memberId(), environment);
    }

    /** The member whose data was read, if the caller may still see it. */
    @SchemaMapping(typeName = "PersonalDataAccess")
    MemberView member(PersonalDataAccessLog.Access access, DataFetchingEnvironment environment) {
        return visibleOrNull(access.memberId(), environment);
    }

    /** The look-alike member of a {@code POSSIBLE_DUPLICATE}, if the caller may see it (else null). */
    @SchemaMapping(typeName = "UserError")
    MemberView candidate(UserError error, DataFetchingEnvironment environment) {
        return error.candidateIds().isEmpty() ? null : visibleOrNull(error.candidateIds().get(0), environment);
    }

    /** A member the caller may see, or null (refused by the gate, or erased from the index). */
    private MemberView visibleOrNull(String memberId, DataFetchingEnvironment environment) {
        try {
            return ask(new FindMemberQuery(memberId, null), MemberView.class, PersonalDataDisclosure.forGraphQl(environment));
        } catch (RuntimeException refused) {
            if (AccessRefusedException.isCause(refused)) {
                return null;
            }
            throw refused;
        }
    }

    @MutationMapping
    MemberPayload registerMember(@Argument RegisterMemberInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload correctMemberIdentity(@Argument CorrectMemberIdentityInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload changeMemberPhone(@Argument ChangeMemberPhoneInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload changeMemberTrades(@Argument ChangeMemberTradesInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload transferMember(@Argument TransferMemberInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload suspendMember(@Argument SuspendMemberInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload reinstateMember(@Argument ReinstateMemberInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload recordMemberResignation(@Argument RecordMemberResignationInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload recordMemberDeath(@Argument RecordMemberDeathInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload recordDuesPayment(@Argument RecordDuesPaymentInput input) {
        return payload(input, commands.execute(input));
    }

    @MutationMapping
    MemberPayload erasePersonalData(@Argument ErasePersonalDataInput input) {
        return payload(input, commands.execute(input));
    }

    /** The member a mutation acted on, as the caller may see it: never one outside the caller's reach. */
    private MemberPayload payload(MutationEnvelope input, String memberId) {
        if (!scope.coversMember(principals.current(), memberId)) {
            throw AccessRefusedException.forbidden("clientMutationId",
                    "Le membre concerné par cette requête est hors de votre périmètre.");
        }
        return new MemberPayload(input.clientMutationId(), memberId, readBack.of(memberId));
    }

    private OrgUnitView unit(String unitId, GraphQLContext request) {
        return unitId == null ? null : orgUnits.all(request).get(unitId);
    }

    /** Buckets of org units, keyed by the units' global ids (what {@code OrgUnit.id} and {@code node} use). */
    private static List<LabelledCount> unitsLabelled(List<CountBucket> buckets, Function<String, String> label) {
        return buckets.stream().map(b -> new LabelledCount(GlobalIds.of("OrgUnit", b.key()), label.apply(b.key()),
                b.count(), false)).toList();
    }

    private static List<LabelledCount> labelled(List<CountBucket> buckets, Function<String, String> label) {
        return buckets.stream().map(b -> new LabelledCount(b.key(), label.apply(b.key()), b.count(), false)).toList();
    }
}
