package org.jekafo.app.security;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.Channel;
import org.jekafo.api.integrity.RecordIntegrityCheckpointCommand;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.CancelConsultationCommand;
import org.jekafo.api.consultation.CastBallotCommand;
import org.jekafo.api.consultation.CheckReceiptQuery;
import org.jekafo.api.consultation.CloseConsultationCommand;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.ConsultationFilter;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.DraftConsultationCommand;
import org.jekafo.api.consultation.EditConsultationDraftCommand;
import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.ExtendConsultationCommand;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindConsultationsQuery;
import org.jekafo.api.consultation.FindMemberParticipationQuery;
import org.jekafo.api.consultation.FindPublishedBallotsQuery;
import org.jekafo.api.consultation.FindRecommendationsQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionKind;
import org.jekafo.api.consultation.ScheduleConsultationCommand;
import org.jekafo.api.consultation.TagRecommendationCommand;
import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.api.figures.IndicatorInterval;
import org.jekafo.api.history.FindAggregateStateQuery;
import org.jekafo.api.history.FindHistoryQuery;
import org.jekafo.api.history.HistorySlice;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.audit.AuditFilter;
import org.jekafo.api.audit.FindAuditTrailQuery;
import org.jekafo.api.census.FindCensusImportQuery;
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
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.api.orgunit.CloseOrgUnitCommand;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.MoveOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.RenameOrgUnitCommand;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The gate holds for every channel, not only GraphQL: each command and query behind a GraphQL operation is sent
 * straight to the command or query gateway — as the census import, a scheduled job or the phone channel would —
 * by every role, on a member or unit inside and outside the sender's reach, and is allowed or refused exactly as
 * {@link AuthorizationMatrixTest} says the operation is through GraphQL. A refused message stores nothing.
 */
class GateTest extends IntegrationTest {

    /**
     * The message each GraphQL operation sends, built from the matrix's variables ({@code unit}, {@code member},
     * {@code consultation}, {@code input}), their global ids decoded as the GraphQL layer decodes them.
     */
    private static final Map<String, BiFunction<Map<String, Object>, Map<String, Object>, Object>> MESSAGES = Map.ofEntries(
            Map.entry("Query.member", (v, in) -> new FindMemberQuery((String) v.get("member"), null)),
            Map.entry("Subscription.memberChanged", (v, in) -> new FindMemberQuery((String) v.get("member"), null)),
            Map.entry("Subscription.memberRegistered", (v, in) -> new FindMemberRegistrationsQuery((String) v.get("unit"))),
            Map.entry("Subscription.censusImportProgress", (v, in) -> new FindCensusImportQuery((String) v.get("member"))),
            Map.entry("Query.memberHistory", (v, in) -> new FindMemberHistoryQuery((String) v.get("member"))),
            Map.entry("Query.aggregateHistory", (v, in) -> new FindHistoryQuery(MembershipAggregates.MEMBER,
                    List.of(new HistorySlice((String) v.get("member"), null, null, 5, null)))),
            Map.entry("Query.members", (v, in) -> new FindMembersQuery(inUnit((String) v.get("unit")), 5, null)),
            Map.entry("Query.memberCounts", (v, in) -> new CountMembersQuery(inUnit((String) v.get("unit")))),
            Map.entry("Query.aggregateAsOf", (v, in) -> new FindAggregateStateQuery(MembershipAggregates.MEMBER,
                    (String) v.get("member"), null, null)),
            Map.entry("Query.memberCountsAsOf", (v, in) -> new CountMembersAsOfQuery((String) v.get("unit"),
                    Instant.parse("2026-01-01T00:00:00Z"))),
            Map.entry("Query.indicators", (v, in) -> new FindIndicatorsQuery((String) v.get("unit"),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), IndicatorInterval.MONTH)),
            Map.entry("Query.memberChanges", (v, in) -> new FindMemberChangesQuery((String) v.get("unit"), Long.MIN_VALUE,
                    "", Long.MAX_VALUE, 5)),
            Map.entry("Query.orgUnit", (v, in) -> new FindOrgUnitQuery((String) v.get("unit"), null)),
            Map.entry("Query.orgUnits", (v, in) -> new FindOrgUnitsQuery(OrgUnitLevel.REGIONAL, null, false)),
            Map.entry("Mutation.registerMember", (v, in) -> new RegisterMemberCommand(UUID.randomUUID().toString(), null,
                    (String) in.get("lastName"), (String) in.get("firstName"), (String) in.get("gender"),
                    (Integer) in.get("birthYear"), (String) in.get("phone"), null, trades(in),
                    (String) in.get("localUnitId"), false, null, false)),
            Map.entry("Mutation.correctMemberIdentity", (v, in) -> new CorrectMemberIdentityCommand(memberOf(in), null,
                    (String) in.get("firstName"), null, null, null, null, (String) in.get("reason"))),
            Map.entry("Mutation.changeMemberPhone", (v, in) -> new ChangeMemberPhoneCommand(memberOf(in), (String) in.get("phone"))),
            Map.entry("Mutation.changeMemberTrades", (v, in) -> new ChangeMemberTradesCommand(memberOf(in), trades(in))),
            Map.entry("Mutation.recordMemberResignation", (v, in) -> new RecordMemberResignationCommand(memberOf(in), null, null)),
            Map.entry("Mutation.recordMemberDeath", (v, in) -> new RecordMemberDeathCommand(memberOf(in), null)),
            Map.entry("Mutation.recordDuesPayment", (v, in) -> new RecordDuesPaymentCommand(memberOf(in),
                    (Integer) in.get("year"), ((Integer) in.get("amountFcfa")).longValue(), (String) in.get("receiptNumber"),
                    LocalDate.now())),
            Map.entry("Mutation.transferMember", (v, in) -> new TransferMemberCommand(memberOf(in),
                    (String) in.get("toLocalUnitId"), null)),
            Map.entry("Mutation.suspendMember", (v, in) -> new SuspendMemberCommand(memberOf(in), (String) in.get("reason"))),
            Map.entry("Mutation.reinstateMember", (v, in) -> new ReinstateMemberCommand(memberOf(in), "Régularisé")),
            Map.entry("Mutation.erasePersonalData", (v, in) -> new ErasePersonalDataCommand(memberOf(in), (String) in.get("reason"))),
            Map.entry("Mutation.createOrgUnit", (v, in) -> new CreateOrgUnitCommand(UUID.randomUUID().toString(),
                    (String) in.get("code"), (String) in.get("name"), OrgUnitLevel.valueOf((String) in.get("level")),
                    (String) in.get("parentId"))),
            Map.entry("Mutation.renameOrgUnit", (v, in) -> new RenameOrgUnitCommand((String) in.get("orgUnitId"), (String) in.get("name"))),
            Map.entry("Mutation.moveOrgUnit", (v, in) -> new MoveOrgUnitCommand((String) in.get("orgUnitId"), (String) in.get("newParentId"))),
            Map.entry("Mutation.closeOrgUnit", (v, in) -> new CloseOrgUnitCommand((String) in.get("orgUnitId"), (String) in.get("reason"))),
            Map.entry("Query.consultation", (v, in) -> new FindConsultationQuery(consultationOf(v))),
            Map.entry("Subscription.consultationTallied", (v, in) -> new FindConsultationQuery(consultationOf(v))),
            Map.entry("Subscription.consultationTurnout", (v, in) -> new FindTurnoutQuery(consultationOf(v))),
            Map.entry("Query.consultations", (v, in) -> new FindConsultationsQuery(new ConsultationFilter(
                    (String) v.get("unit"), false, null, null, null), 5, null)),
            Map.entry("Query.myConsultations", (v, in) -> new FindMemberParticipationQuery((String) v.get("member"), null)),
            Map.entry("Query.checkBallotReceipt", (v, in) -> new CheckReceiptQuery(consultationOf(v), "4821-0937-55")),
            Map.entry("Query.publishedBallots", (v, in) -> new FindPublishedBallotsQuery(consultationOf(v), 5, null)),
            Map.entry("Query.recommendations", (v, in) -> new FindRecommendationsQuery(consultationOf(v), null, null, 5,
                    null)),
            Map.entry("Mutation.draftConsultation", (v, in) -> new DraftConsultationCommand(UUID.randomUUID().toString(),
                    plan(in))),
            Map.entry("Mutation.editConsultationDraft", (v, in) -> new EditConsultationDraftCommand(
                    (String) in.get("consultationId"), plan(in))),
            Map.entry("Mutation.scheduleConsultation", (v, in) -> new ScheduleConsultationCommand(
                    (String) in.get("consultationId"))),
            Map.entry("Mutation.extendConsultation", (v, in) -> new ExtendConsultationCommand(
                    (String) in.get("consultationId"), Instant.parse((String) in.get("closesAt")), (String) in.get("reason"))),
            Map.entry("Mutation.closeConsultation", (v, in) -> new CloseConsultationCommand(
                    (String) in.get("consultationId"), (String) in.get("reason"))),
            Map.entry("Mutation.cancelConsultation", (v, in) -> new CancelConsultationCommand(
                    (String) in.get("consultationId"), (String) in.get("reason"))),
            // the channel is left out, as GraphQL leaves it to the caller's role: the gate sets it
            Map.entry("Mutation.castBallot", (v, in) -> CastBallotCommand.of((String) in.get("consultationId"),
                    memberOf(in), answers(in), null, null)),
            Map.entry("Mutation.recordIntegrityCheckpoint", (v, in) -> new RecordIntegrityCheckpointCommand(
                    UUID.randomUUID().toString())),
            Map.entry("Mutation.tagRecommendation", (v, in) -> new TagRecommendationCommand(
                    (String) in.get("consultationId"), (String) in.get("recommendationId"), strings(in, "tags"))),
            Map.entry("Query.auditTrail", (v, in) -> new FindAuditTrailQuery(
                    AuditFilter.none().withOrgUnit((String) v.get("unit")), 5, null, null, false, false)),
            Map.entry("Query.correlationTrail", (v, in) -> new FindAuditTrailQuery(AuditFilter.correlated("matrice"),
                    5, null, null, false, false)));

    /** GraphQL operations that send no command or query: operations on the server itself, reference data, the caller's identity. */
    private static final Set<String> WITHOUT_MESSAGE = Set.of("Query.me", "Query.trades", "Query.projections",
            "Query.personalDataAccesses", "Query.censusImport", "Query.censusImports", "Query.deadLetters",
            "Query.verifyIntegrity", "Query.integrityCheckpoints",
            "Mutation.rebuildProjection", "Mutation.retryDeadLetters", "Mutation.evictDeadLetter",
            "Subscription.projectionStatus",
            // node and nodes send each object's own query (Query.member's, Query.orgUnit's…); a tablet's queue sends
            // each item as the command of its own mutation: those lines cover them
            "Query.node", "Query.nodes", "Mutation.submitFieldWork");

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    AccessRules rules;

    @Test
    void everyOperationOfTheMatrixIsSentHereAsItsMessageOrSendsNone() {
        Set<String> covered = new TreeSet<>(MESSAGES.keySet());
        covered.addAll(WITHOUT_MESSAGE);

        assertThat(covered).isEqualTo(new TreeSet<>(AuthorizationMatrixTest.EXPECTED.keySet()));
        assertThat(MESSAGES.keySet()).noneMatch(WITHOUT_MESSAGE::contains);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleInAndOutOfReachStraightThroughTheGateways() {
        TestApi bureau = connect();
        AuthorizationMatrixTest.Fixtures fixtures = new AuthorizationMatrixTest.Fixtures(bureau);
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : new TreeSet<>(MESSAGES.keySet())) {
            AuthorizationMatrixTest.Expectation expected = AuthorizationMatrixTest.EXPECTED.get(operation);
            for (boolean inReach : new boolean[]{true, false}) {
                String reach = inReach ? "dans le périmètre" : "hors périmètre";
                for (Role role : EnumSet.complementOf(EnumSet.of(Role.SYSTEM))) {
                    boolean allowed = (inReach ? expected.inReach() : expected.outOfReach()).contains(role);
                    tests.add(DynamicTest.dynamicTest(operation + " · " + role + " · " + reach + " → "
                            + (allowed ? "permis" : "refusé"), () -> {
                        Map<String, Object> variables = fixtures.variables(operation, inReach, allowed);
                        ActingPrincipal sender = fixtures.principal(role, variables);
                        long head = bureau.eventStoreHead();

                        Throwable outcome = send(operation, variables, sender);

                        if (allowed) {
                            assertThat(accessRefusal(outcome)).as("access refusal of %s", operation).isNull();
                        } else {
                            assertThat(accessRefusal(outcome)).as("access refusal of %s", operation).isNotNull()
                                    .satisfies(r -> assertThat(r.refusal().code()).isEqualTo(AccessRefusedException.FORBIDDEN));
                            assertThat(bureau.eventStoreHead()).as("event store head after a refused %s", operation)
                                    .isEqualTo(head);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void aMessageFromNoOneOutsideAnyRequestIsRefusedAsUnauthenticated() {
        TestApi bureau = connect();
        long head = bureau.eventStoreHead();

        Throwable outcome = catchThrowable(() -> commands.sendAndWait(new SuspendMemberCommand(
                UUID.randomUUID().toString(), "Sans expéditeur")));

        assertThat(accessRefusal(outcome)).isNotNull()
                .satisfies(r -> assertThat(r.refusal().code()).isEqualTo(AccessRefusedException.UNAUTHENTICATED));
        assertThat(bureau.eventStoreHead()).isEqualTo(head);
    }

    @Test
    void aMessageWithoutARuleIsRefusedEvenToTheServerItself() {
        record UnruledQuery(String anything) {
        }
        Message<?> fromTheServer = GenericMessage.asMessage(new UnruledQuery("x"))
                .andMetaData(ActingPrincipal.system("tâche planifiée").metaData());

        Throwable outcome = catchThrowable(() -> queries.query(fromTheServer, String.class).join());

        assertThat(accessRefusal(outcome)).isNotNull()
                .satisfies(r -> assertThat(r.refusal().code()).isEqualTo(AccessRefusedException.FORBIDDEN));
    }

    @Test
    void theHistoryOfAnAggregateTypeWithoutARuleIsRefusedEvenToTheServerItself() {
        Message<?> fromTheServer = GenericMessage.asMessage(new FindHistoryQuery("CensusFileImport",
                List.of(HistorySlice.all("import-1")))).andMetaData(ActingPrincipal.system("tâche planifiée").metaData());

        Message<?> stateFromTheServer = GenericMessage.asMessage(new FindAggregateStateQuery("CensusFileImport",
                "import-1", null, null)).andMetaData(ActingPrincipal.system("tâche planifiée").metaData());

        Throwable outcome = catchThrowable(() -> queries.query(fromTheServer, Object.class).join());
        Throwable stateOutcome = catchThrowable(() -> queries.query(stateFromTheServer, Object.class).join());

        assertThat(accessRefusal(outcome)).isNotNull()
                .satisfies(r -> assertThat(r.refusal().code()).isEqualTo(AccessRefusedException.FORBIDDEN));
        assertThat(accessRefusal(stateOutcome)).isNotNull()
                .satisfies(r -> assertThat(r.refusal().code()).isEqualTo(AccessRefusedException.FORBIDDEN));
        assertThat(rules.historyTypes()).containsExactly(ConsultationAggregates.CONSULTATION, MembershipAggregates.MEMBER,
                "OrgUnit");
    }

    @Test
    void aSenderWhoseMetadataNamesNoValidPrincipalIsRefused() {
        Map<String, Object> forged = Map.of("principal", "inconnu", "role", "SUPERUSER");

        Throwable outcome = catchThrowable(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new SuspendMemberCommand(UUID.randomUUID().toString(), "Rôle inventé")).andMetaData(forged)));

        assertThat(accessRefusal(outcome)).isNotNull();
    }

    @Test
    void theServerMayRegisterAMemberOnlyWhereItsPolicySaysSo() {
        TestApi bureau = connect();
        ActingPrincipal importer = ActingPrincipal.system("import:test");

        Throwable registered = catchThrowable(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                MESSAGES.get("Mutation.registerMember").apply(Map.of(), TestApi.registration("Passerelle" + UUID.randomUUID()
                        .toString().substring(0, 6), "Awa", "F", TestApi.identifierOf(bureau.unitId("SG-01"))))).andMetaData(
                        importer.metaData())));
        Throwable erased = catchThrowable(() -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new ErasePersonalDataCommand(UUID.randomUUID().toString(), "Par le serveur")).andMetaData(importer.metaData())));

        assertThat(accessRefusal(registered)).as("registration by the census import").isNull();
        assertThat(registered).isNull();
        assertThat(accessRefusal(erased)).as("erasure by the server, which no policy allows").isNotNull();
        assertThat(rules.messageTypes()).contains(RegisterMemberCommand.class, FindMembersQuery.class);
    }

    private Throwable send(String operation, Map<String, Object> asForGraphQl, ActingPrincipal sender) {
        Map<String, Object> variables = TestApi.identifiers(asForGraphQl);
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) variables.get("input");
        Object payload = MESSAGES.get(operation).apply(variables, input);
        Map<String, Object> metaData = sender.metaData();
        return catchThrowable(() -> {
            if (operation.startsWith("Mutation.")) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(payload).andMetaData(metaData));
            } else {
                queries.query(GenericMessage.asMessage(payload).andMetaData(metaData), Object.class).join();
            }
        });
    }

    private static AccessRefusedException accessRefusal(Throwable outcome) {
        for (Throwable cause = outcome; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessRefusedException refused) {
                return refused;
            }
        }
        return null;
    }

    private static MemberFilter inUnit(String unitId) {
        return new MemberFilter(unitId, null, null, null, null, null, null, null, null, null);
    }

    private static String memberOf(Map<String, Object> input) {
        return (String) input.get("memberId");
    }

    private static List<String> trades(Map<String, Object> input) {
        return strings(input, "trades");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        return (List<String>) map.get(key);
    }

    private static String consultationOf(Map<String, Object> variables) {
        return (String) variables.get("consultation");
    }

    /** The plan of the matrix's consultation inputs, as the GraphQL layer reads it. */
    @SuppressWarnings("unchecked")
    private static ConsultationPlan plan(Map<String, Object> input) {
        Map<String, Object> plan = (Map<String, Object>) input.get("plan");
        List<Question> questions = ((List<Map<String, Object>>) plan.get("questions")).stream()
                .map(q -> new Question(null, QuestionKind.valueOf((String) q.get("kind")), (String) q.get("text"), null,
                        null, 1)).toList();
        Map<String, Object> eligibility = (Map<String, Object>) plan.get("eligibility");
        return new ConsultationPlan((String) plan.get("title"), null, null, null, questions,
                new Eligibility((String) eligibility.get("orgUnitId"), null, null, null, null),
                BallotMode.valueOf((String) plan.get("mode")), strings(plan, "channels").stream().map(Channel::valueOf).toList(),
                Instant.parse((String) plan.get("opensAt")), Instant.parse((String) plan.get("closesAt")),
                (Integer) plan.get("quorumPercent"));
    }

    @SuppressWarnings("unchecked")
    private static List<Answer> answers(Map<String, Object> input) {
        return ((List<Map<String, Object>>) input.get("answers")).stream()
                .map(a -> new Answer((String) a.get("questionId"), strings(a, "optionIds"), null)).toList();
    }
}
