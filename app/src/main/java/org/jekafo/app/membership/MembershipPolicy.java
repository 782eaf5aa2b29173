package org.jekafo.app.membership;

import org.jekafo.api.membership.CardNumbers;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.FindMemberHistoriesQuery;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.FindMemberChangesQuery;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMemberRegistrationsQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MembershipAggregates;
import org.jekafo.api.membership.RecordDuesPaymentCommand;
import org.jekafo.api.membership.RecordMemberDeathCommand;
import org.jekafo.api.membership.RecordMemberResignationCommand;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.StreamMembersQuery;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.AccessScope;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.jekafo.app.platform.gate.Role.ADMIN;
import static org.jekafo.app.platform.gate.Role.AUDITOR;
import static org.jekafo.app.platform.gate.Role.CHAPTER_OFFICER;
import static org.jekafo.app.platform.gate.Role.EXECUTIVE_BUREAU;
import static org.jekafo.app.platform.gate.Role.FIELD_AGENT;
import static org.jekafo.app.platform.gate.Role.MEMBER;
import static org.jekafo.app.platform.gate.Role.SYSTEM;

/**
 * Who may read and change the census: members their own record, field agents their local unit, officers their
 * section, the bureau everything; auditors and administrators read, never on personal-data filters. The census
 * import registers members as the server ({@link Role#SYSTEM}).
 */
@Component
class MembershipPolicy implements AccessPolicy {

    private static final Set<Role> ANYONE = EnumSet.of(MEMBER, FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final Set<Role> READERS = EnumSet.of(FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final Set<Role> KEEPERS = EnumSet.of(FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> SELF_SERVICE = EnumSet.of(MEMBER, FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> OFFICERS = EnumSet.of(CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> BUREAU = EnumSet.of(EXECUTIVE_BUREAU);

    private static final String MEMBER_INPUT = "input.memberId";

    /** Filters on personal data, which an auditor or administrator may not use. */
    private static final List<Map.Entry<String, Function<MemberFilter, Object>>> PERSONAL_FILTERS = List.of(
            Map.entry("name", MemberFilter::name), Map.entry("phone", MemberFilter::phone),
            Map.entry("birthYearFrom", MemberFilter::birthYearFrom), Map.entry("birthYearTo", MemberFilter::birthYearTo));

    @Override
    public void declare(Declarations rules) {
        Set<Role> registrars = EnumSet.copyOf(KEEPERS);
        registrars.add(SYSTEM);
        // each queued operation then passes the gate as its own command (per item: role and reach)
        rules.operation("Mutation.submitFieldWork", KEEPERS);
        rules.message(RegisterMemberCommand.class, registrars,
                Reach.unit(RegisterMemberCommand::localUnitId, "input.localUnitId")).exposedAs("Mutation.registerMember");
        rules.message(CorrectMemberIdentityCommand.class, KEEPERS,
                Reach.member(CorrectMemberIdentityCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.correctMemberIdentity");
        rules.message(ChangeMemberPhoneCommand.class, SELF_SERVICE,
                Reach.member(ChangeMemberPhoneCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.changeMemberPhone");
        rules.message(ChangeMemberTradesCommand.class, SELF_SERVICE,
                Reach.member(ChangeMemberTradesCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.changeMemberTrades");
        rules.message(RecordMemberResignationCommand.class, KEEPERS,
                Reach.member(RecordMemberResignationCommand::memberId, MEMBER_INPUT))
                .exposedAs("Mutation.recordMemberResignation");
        rules.message(RecordMemberDeathCommand.class, KEEPERS,
                Reach.member(RecordMemberDeathCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.recordMemberDeath");
        rules.message(RecordDuesPaymentCommand.class, KEEPERS,
                Reach.member(RecordDuesPaymentCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.recordDuesPayment");
        rules.message(TransferMemberCommand.class, OFFICERS,
                Reach.member(TransferMemberCommand::memberId, MEMBER_INPUT)
                        .and(Reach.unit(TransferMemberCommand::toLocalUnitId, "input.toLocalUnitId")))
                .exposedAs("Mutation.transferMember");
        rules.message(SuspendMemberCommand.class, OFFICERS,
                Reach.member(SuspendMemberCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.suspendMember");
        rules.message(ReinstateMemberCommand.class, OFFICERS,
                Reach.member(ReinstateMemberCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.reinstateMember");
        rules.message(ErasePersonalDataCommand.class, BUREAU,
                Reach.member(ErasePersonalDataCommand::memberId, MEMBER_INPUT)).exposedAs("Mutation.erasePersonalData");

        rules.message(FindMemberQuery.class, ANYONE, MembershipPolicy::memberByIdOrCard)
                .exposedAs("Query.member", "Subscription.memberChanged");
        rules.message(FindMemberRegistrationsQuery.class, READERS,
                Reach.unit(FindMemberRegistrationsQuery::orgUnitId, "orgUnitId")).exposedAs("Subscription.memberRegistered");
        rules.message(FindMemberHistoryQuery.class, ANYONE, Reach.member(FindMemberHistoryQuery::memberId, "id"))
                .exposedAs("Query.memberHistory");
        rules.message(FindMemberHistoriesQuery.class, ANYONE, (query, principal, scope) -> {
            query.memberIds().forEach(memberId -> scope.requireMember(principal, memberId, "id"));
            return query;
        });
        rules.history(MembershipAggregates.MEMBER, ANYONE, Reach.member(Function.identity(), "id"))
                .exposedAs("Query.aggregateHistory");
        rules.message(FindMembersQuery.class, READERS, (query, principal, scope) ->
                new FindMembersQuery(bounded(query.filter(), principal, scope), query.first(), query.after(),
                        query.order(), query.backward()))
                .exposedAs("Query.members");
        // a tablet syncs the units it works in: the subtree asked for must be within reach
        rules.message(FindMemberChangesQuery.class, KEEPERS, Reach.unit(FindMemberChangesQuery::orgUnitId, "orgUnitId"))
                .exposedAs("Query.memberChanges");
        // an export (GET /exports/members.csv|.ndjson): the same reach as a search of the members
        rules.message(StreamMembersQuery.class, READERS, (query, principal, scope) ->
                new StreamMembersQuery(bounded(query.filter(), principal, scope)));
        rules.message(CountMembersQuery.class, READERS, (query, principal, scope) ->
                new CountMembersQuery(bounded(query.filter(), principal, scope))).exposedAs("Query.memberCounts");
    }

    /**
     * Resolves a card number the way the query does (trimmed, upper case) and hands the query the member the
     * check was made on, so that the check and the answer can never be about two different records.
     */
    private static FindMemberQuery memberByIdOrCard(FindMemberQuery query, ActingPrincipal principal, AccessScope scope) {
        String cardNumber = CardNumbers.normalized(query.cardNumber());
        if (query.memberId() != null || cardNumber == null) {
            scope.requireMember(principal, query.memberId(), "id");
            return query;
        }
        String memberId = scope.memberWithCardNumber(cardNumber).orElse(null);
        if (memberId == null && principal.role() != MEMBER) {
            return query; // no member holds it: the query answers null
        }
        scope.requireMember(principal, memberId, "cardNumber");
        return new FindMemberQuery(memberId, null);
    }

    /**
     * Keeps a bounded principal's search within their unit: checks the unit asked for, or sets it. Auditors
     * and administrators may not filter on personal data: counting the members with a given phone or birth
     * year would reveal it without any record being read (and journaled).
     */
    private static MemberFilter bounded(MemberFilter filter, ActingPrincipal principal, AccessScope scope) {
        if (principal.role().overseer() && filter != null) {
            PERSONAL_FILTERS.forEach(personal -> {
                if (personal.getValue().apply(filter) != null) {
                    throw AccessRefusedException.forbidden("filter." + personal.getKey(), "Un auditeur ou un administrateur ne "
                            + "filtre pas sur des données personnelles ; cherchez par numéro de carte, unité, métier "
                            + "ou statut.");
                }
            });
        }
        if (principal.role().national()) {
            return filter;
        }
        String unitId = filter == null ? null : filter.orgUnitId();
        if (unitId != null) {
            scope.requireUnit(principal, unitId, "filter.orgUnitId");
            return filter;
        }
        String bound = scope.boundUnitId(principal).orElseThrow(() -> AccessRefusedException.forbidden(
                "filter.orgUnitId", "L'unité « " + principal.unitCode() + " » de votre jeton n'existe pas ou ne "
                        + "convient pas à votre rôle (un agent de terrain relève d'une unité locale)."));
        MemberFilter f = filter == null ? new MemberFilter(null, null, null, null, null, null, null, null, null, null)
                : filter;
        return new MemberFilter(bound, f.gender(), f.trade(), f.status(), f.birthYearFrom(), f.birthYearTo(),
                f.enrolledFrom(), f.enrolledTo(), f.name(), f.phone());
    }
}
