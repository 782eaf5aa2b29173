package org.jekafo.app.graphql;

import graphql.GraphQLContext;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.HistoryEntryView;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.membership.RecordDuesPaymentCommand;
import org.jekafo.api.membership.RecordMemberDeathCommand;
import org.jekafo.api.membership.RecordMemberResignationCommand;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.api.trade.Trade;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.app.graphql.MutationInputs.ChangeMemberPhoneInput;
import org.jekafo.app.graphql.MutationInputs.ChangeMemberTradesInput;
import org.jekafo.app.graphql.MutationInputs.CorrectMemberIdentityInput;
import org.jekafo.app.graphql.MutationInputs.ErasePersonalDataInput;
import org.jekafo.app.graphql.MutationInputs.RecordDuesPaymentInput;
import org.jekafo.app.graphql.MutationInputs.RecordMemberDeathInput;
import org.jekafo.app.graphql.MutationInputs.RecordMemberResignationInput;
import org.jekafo.app.graphql.MutationInputs.RegisterMemberInput;
import org.jekafo.app.graphql.MutationInputs.ReinstateMemberInput;
import org.jekafo.app.graphql.MutationInputs.SuspendMemberInput;
import org.jekafo.app.graphql.MutationInputs.TransferMemberInput;
import org.jekafo.app.security.AccessRefusedException;
import org.jekafo.app.security.AccessScope;
import org.jekafo.app.security.ActingPrincipal;
import org.jekafo.app.security.PersonalDataReads;
import org.jekafo.app.security.PrincipalProvider;
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
import java.util.Objects;
import java.util.function.Function;

/** The census over GraphQL: member queries read Elasticsearch (history reads the event store). */
@Controller
class MemberController {

    private final QueryGateway queries;
    private final Mutations mutations;
    private final ReadYourWrites readYourWrites;
    private final OrgUnits orgUnits;
    private final PrincipalProvider principals;
    private final AccessScope scope;
    private final MemberCursors cursors;

    MemberController(QueryGateway queries, Mutations mutations, ReadYourWrites readYourWrites, OrgUnits orgUnits,
                     PrincipalProvider principals, AccessScope scope, MemberCursors cursors) {
        this.cursors = cursors;
        this.principals = principals;
        this.scope = scope;
        this.queries = queries;
        this.mutations = mutations;
        this.readYourWrites = readYourWrites;
        this.orgUnits = orgUnits;
    }

    record MemberPayload(String clientMutationId, String memberId, MemberView member) {
    }

    record MemberConnection(List<MemberEdge> edges, PageInfo pageInfo, long totalCount) {
    }

    record MemberEdge(MemberView node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /** A count; null and {@code suppressed} when too small to show an auditor or administrator ({@link SmallCounts}). */
    record LabelledCount(String key, String label, Long count, boolean suppressed) {
    }

    record MemberCountsView(Long total, boolean totalSuppressed, List<LabelledCount> byGender,
                            List<LabelledCount> byRegion, List<LabelledCount> byLocalUnit,
                            List<LabelledCount> byTrade, List<LabelledCount> byStatus) {
    }

    @QueryMapping
    MemberView member(@Argument String id, @Argument String cardNumber) {
        if (id == null && cardNumber == null) {
            throw new InvalidInputException("INVALID_INPUT", "id", "Indiquez l'identifiant ou le numéro de carte.");
        }
        return queries.query(new FindMemberQuery(id, cardNumber), ResponseTypes.optionalInstanceOf(MemberView.class))
                .join().orElse(null);
    }

    @QueryMapping
    MemberConnection members(@Argument MemberFilter filter, @Argument int first, @Argument String after,
                             GraphQLContext context) {
        if (first < 0 || first > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 membres.");
        }
        InvalidInputException.bounded(after, TextLimit.CURSOR);
        ActingPrincipal caller = principals.current();
        MemberPage page = queries.query(new FindMembersQuery(filter, first, cursors.after(caller, filter, after)),
                ResponseTypes.instanceOf(MemberPage.class)).join();
        List<MemberEdge> edges = new ArrayList<>();
        for (int i = 0; i < page.members().size(); i++) {
            edges.add(new MemberEdge(page.members().get(i), cursors.of(caller, filter, page.positions().get(i))));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        if (caller.role().overseer() && page.totalCount() > 0 && page.totalCount() < SmallCounts.THRESHOLD) {
            journalNarrowedTo(caller, filter, page, context);
        }
        return new MemberConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.totalCount());
    }

    /**
     * A total of 1 to 4 tells an auditor or administrator something of the few members the filter narrows to, even
     * when none of them is on the page: all of them are recorded as read.
     */
    private void journalNarrowedTo(ActingPrincipal caller, MemberFilter filter, MemberPage page, GraphQLContext context) {
        List<MemberView> narrowedTo = page.members().size() == page.totalCount() ? page.members()
                : queries.query(new FindMembersQuery(filter, (int) SmallCounts.THRESHOLD, null),
                ResponseTypes.instanceOf(MemberPage.class)).join().members();
        narrowedTo.forEach(member -> PersonalDataReads.of(context).add(caller, member.memberId(), "members"));
    }

    @QueryMapping
    MemberCountsView memberCounts(@Argument MemberFilter filter) {
        MemberCounts counts = queries.query(new CountMembersQuery(filter), ResponseTypes.instanceOf(MemberCounts.class))
                .join();
        Map<String, OrgUnitView> units = orgUnits.all();
        Function<String, String> unitName = id -> units.containsKey(id) ? units.get(id).name() : id;
        MemberCountsView view = new MemberCountsView(counts.total(), false,
                labelled(counts.byGender(), key -> key.equals(Gender.F.name()) ? "Femmes" : "Hommes"),
                labelled(counts.byRegion(), unitName),
                labelled(counts.byLocalUnit(), unitName),
                labelled(counts.byTrade(), code -> TradeCatalog.find(code).map(Trade::labelFr).orElse(code)),
                labelled(counts.byStatus(), MemberController::statusLabel));
        return principals.current().role().overseer() ? SmallCounts.suppressed(view) : view;
    }

    @QueryMapping
    List<HistoryEntryView> memberHistory(@Argument String id) {
        return queries.query(new FindMemberHistoryQuery(id), ResponseTypes.multipleInstancesOf(HistoryEntryView.class))
                .join();
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

    @BatchMapping(typeName = "Member")
    Map<MemberView, OrgUnitView> localUnit(List<MemberView> members) {
        return byMember(members, MemberView::localUnitId);
    }

    @BatchMapping(typeName = "Member")
    Map<MemberView, OrgUnitView> region(List<MemberView> members) {
        return byMember(members, MemberView::regionId);
    }

    @SchemaMapping(typeName = "Member")
    List<HistoryEntryView> history(MemberView member) {
        return memberHistory(member.memberId());
    }

    @MutationMapping
    MemberPayload registerMember(@Argument RegisterMemberInput input) {
        String memberId = mutations.send(new RegisterMemberCommand(IdentifierFactory.getInstance().generateIdentifier(), input.cardNumber(),
                input.lastName(), input.firstName(), input.gender() == null ? null : input.gender().name(),
                input.birthYear(), input.phone(), input.nationalId(), input.trades(), input.localUnitId(),
                Boolean.TRUE.equals(input.disability()), input.enrolledOn(),
                Boolean.TRUE.equals(input.confirmPossibleDuplicate())), input);
        return payload(input, memberId);
    }

    @MutationMapping
    MemberPayload correctMemberIdentity(@Argument CorrectMemberIdentityInput input) {
        mutations.send(new CorrectMemberIdentityCommand(input.memberId(), input.lastName(), input.firstName(),
                input.gender() == null ? null : input.gender().name(), input.birthYear(), input.nationalId(),
                input.disability(), input.reason()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload changeMemberPhone(@Argument ChangeMemberPhoneInput input) {
        mutations.send(new ChangeMemberPhoneCommand(input.memberId(), input.phone()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload changeMemberTrades(@Argument ChangeMemberTradesInput input) {
        mutations.send(new ChangeMemberTradesCommand(input.memberId(), input.trades()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload transferMember(@Argument TransferMemberInput input) {
        mutations.send(new TransferMemberCommand(input.memberId(), input.toLocalUnitId(), input.reason()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload suspendMember(@Argument SuspendMemberInput input) {
        mutations.send(new SuspendMemberCommand(input.memberId(), input.reason()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload reinstateMember(@Argument ReinstateMemberInput input) {
        mutations.send(new ReinstateMemberCommand(input.memberId(), input.reason()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload recordMemberResignation(@Argument RecordMemberResignationInput input) {
        mutations.send(new RecordMemberResignationCommand(input.memberId(), input.effectiveOn(), input.reason()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload recordMemberDeath(@Argument RecordMemberDeathInput input) {
        mutations.send(new RecordMemberDeathCommand(input.memberId(), input.diedOn()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload recordDuesPayment(@Argument RecordDuesPaymentInput input) {
        mutations.send(new RecordDuesPaymentCommand(input.memberId(), input.year() == null ? 0 : input.year(),
                input.amountFcfa() == null ? 0 : input.amountFcfa(), input.receiptNumber(), input.paidOn()), input);
        return payload(input, input.memberId());
    }

    @MutationMapping
    MemberPayload erasePersonalData(@Argument ErasePersonalDataInput input) {
        mutations.send(new ErasePersonalDataCommand(input.memberId(), input.reason()), input);
        return payload(input, input.memberId());
    }

    /** The member a mutation acted on, as the caller may see it: never one outside the caller's reach. */
    private MemberPayload payload(MutationInputs.Envelope input, String memberId) {
        if (!scope.coversMember(principals.current(), memberId)) {
            throw AccessRefusedException.forbidden("clientMutationId",
                    "Le membre concerné par cette requête est hors de votre périmètre.");
        }
        return new MemberPayload(input.clientMutationId(), memberId, readYourWrites.member(memberId));
    }

    private Map<MemberView, OrgUnitView> byMember(List<MemberView> members, Function<MemberView, String> unitOf) {
        Map<String, OrgUnitView> units = orgUnits.all();
        Map<MemberView, OrgUnitView> result = new LinkedHashMap<>();
        members.forEach(m -> {
            OrgUnitView unit = units.get(Objects.requireNonNullElse(unitOf.apply(m), ""));
            if (unit != null) {
                result.put(m, unit);
            }
        });
        return result;
    }

    private static List<LabelledCount> labelled(List<CountBucket> buckets, Function<String, String> label) {
        return buckets.stream().map(b -> new LabelledCount(b.key(), label.apply(b.key()), b.count(), false)).toList();
    }

    private static String statusLabel(String status) {
        return switch (MemberStatus.valueOf(status)) {
            case ACTIVE -> "Actifs";
            case SUSPENDED -> "Suspendus";
            case RESIGNED -> "Démissionnaires";
            case DECEASED -> "Décédés";
        };
    }
}
