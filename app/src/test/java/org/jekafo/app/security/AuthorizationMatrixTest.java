package org.jekafo.app.security;

import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.LiveConnection;
import org.jekafo.app.LiveConnection.Received;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.platform.gate.Role.ADMIN;
import static org.jekafo.app.platform.gate.Role.AUDITOR;
import static org.jekafo.app.platform.gate.Role.CHAPTER_OFFICER;
import static org.jekafo.app.platform.gate.Role.EXECUTIVE_BUREAU;
import static org.jekafo.app.platform.gate.Role.FIELD_AGENT;
import static org.jekafo.app.platform.gate.Role.MEMBER;

/**
 * Every operation of the schema, run by every role, against a member or unit inside and outside the caller's
 * reach: allowed or refused as this table says. The operations come from the running server's schema, so an
 * operation added without a line here (and a rule in {@link AccessRules}) fails the build. Subscriptions run over a
 * real WebSocket ({@link LiveConnection}), where an anonymous connection is closed before any request. "In reach" is
 * Ségou: the field agent holds SG-01, the officer the Ségou region, the member their own record; "out of
 * reach" is Kayes (KY-01) and another member. Anonymous callers are refused everything.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    /** Who may, inside and outside their reach: M member, F field agent, C chapter officer, B bureau, A auditor, D admin. */
    static final Map<String, Expectation> EXPECTED = Map.ofEntries(
            expect("Query.me", "M F C B A D", "M F C B A D"),
            expect("Query.trades", "M F C B A D", "M F C B A D"),
            expect("Query.orgUnit", "M F C B A D", "M F C B A D"),
            expect("Query.orgUnits", "M F C B A D", "M F C B A D"),
            expect("Query.member", "M F C B A D", "B A D"),
            expect("Query.node", "M F C B A D", "B A D"),
            expect("Query.nodes", "M F C B A D", "B A D"),
            expect("Query.memberHistory", "M F C B A D", "B A D"),
            expect("Query.aggregateHistory", "M F C B A D", "B A D"),
            // an aggregate as of a date is read under its history's rule (AccessRules)
            expect("Query.aggregateAsOf", "M F C B A D", "B A D"),
            expect("Query.members", "F C B A D", "B A D"),
            expect("Query.memberCounts", "F C B A D", "B A D"),
            // figures as of a date and indicators: as memberCounts (FiguresPolicy)
            expect("Query.memberCountsAsOf", "F C B A D", "B A D"),
            expect("Query.indicators", "F C B A D", "B A D"),
            expect("Query.memberChanges", "F C B", "B"),
            expect("Query.projections", "B A D", "B A D"),
            expect("Query.verifyIntegrity", "B A D", "B A D"),
            expect("Query.integrityCheckpoints", "B A D", "B A D"),
            expect("Mutation.recordIntegrityCheckpoint", "B A D", "B A D"),
            expect("Query.personalDataAccesses", "B A", "B A"),
            expect("Query.censusImport", "B A D", "B A D"),
            expect("Query.censusImports", "B A D", "B A D"),
            expect("Mutation.registerMember", "F C B", "B"),
            expect("Mutation.correctMemberIdentity", "F C B", "B"),
            expect("Mutation.changeMemberPhone", "M F C B", "B"),
            expect("Mutation.changeMemberTrades", "M F C B", "B"),
            expect("Mutation.recordMemberResignation", "F C B", "B"),
            expect("Mutation.recordMemberDeath", "F C B", "B"),
            expect("Mutation.recordDuesPayment", "F C B", "B"),
            expect("Mutation.transferMember", "C B", "B"),
            expect("Mutation.suspendMember", "C B", "B"),
            expect("Mutation.reinstateMember", "C B", "B"),
            expect("Mutation.erasePersonalData", "B", "B"),
            // out of reach, the request is admitted and each item refused in its result (FieldWorkTest)
            expect("Mutation.submitFieldWork", "F C B", "F C B"),
            expect("Mutation.createOrgUnit", "B", "B"),
            expect("Mutation.renameOrgUnit", "B", "B"),
            expect("Mutation.moveOrgUnit", "B", "B"),
            expect("Mutation.closeOrgUnit", "B", "B"),
            expect("Mutation.rebuildProjection", "D", "D"),
            expect("Query.deadLetters", "D", "D"),
            expect("Mutation.retryDeadLetters", "D", "D"),
            expect("Mutation.evictDeadLetter", "D", "D"),
            expect("Subscription.memberChanged", "M F C B A D", "B A D"),
            expect("Subscription.memberRegistered", "F C B A D", "B A D"),
            expect("Subscription.projectionStatus", "B A D", "B A D"),
            expect("Subscription.censusImportProgress", "B A D", "B A D"),
            // consultations: read by all; run by officers within their section and the bureau; a ballot is cast by a
            // member for themself or by a field agent for a member of their unit, by no one else (ConsultationPolicy)
            expect("Query.consultation", "M F C B A D", "M F C B A D"),
            expect("Query.consultations", "M F C B A D", "M F C B A D"),
            expect("Query.myConsultations", "M F C B A D", "B A D"),
            expect("Query.checkBallotReceipt", "M F C B A D", "M F C B A D"),
            expect("Query.publishedBallots", "M F C B A D", "M F C B A D"),
            expect("Query.recommendations", "C B A", "B A"),
            expect("Mutation.draftConsultation", "C B", "B"),
            expect("Mutation.editConsultationDraft", "C B", "B"),
            expect("Mutation.scheduleConsultation", "C B", "B"),
            expect("Mutation.extendConsultation", "C B", "B"),
            expect("Mutation.closeConsultation", "C B", "B"),
            expect("Mutation.cancelConsultation", "C B", "B"),
            expect("Mutation.castBallot", "M F", ""),
            expect("Mutation.tagRecommendation", "C B", "B"),
            expect("Subscription.consultationTurnout", "M F C B A D", "M F C B A D"),
            expect("Subscription.consultationTallied", "M F C B A D", "M F C B A D"),
            // the audit trail: auditors and the bureau everywhere, an officer within their subtree (AuditPolicy); a
            // correlation names no unit, so an officer's is narrowed to their subtree, never refused
            expect("Query.auditTrail", "C B A", "B A"),
            expect("Query.correlationTrail", "C B A", "C B A"));

    /** Each operation's document; its variables come from {@link #variables}. */
    private static final Map<String, String> DOCUMENTS = Map.ofEntries(
            Map.entry("Query.me", "{ me { name role } }"),
            Map.entry("Query.trades", "{ trades { code } }"),
            Map.entry("Query.orgUnit", "query($unit: ID) { orgUnit(id: $unit) { id } }"),
            Map.entry("Query.orgUnits", "{ orgUnits(level: REGIONAL) { id } }"),
            Map.entry("Query.member", "query($member: ID) { member(id: $member) { id lastName phone } }"),
            Map.entry("Query.node", "query($member: ID!) { node(id: $member) { id ... on Member { lastName } } }"),
            Map.entry("Query.nodes", "query($member: ID!) { nodes(ids: [$member]) { id } }"),
            Map.entry("Query.memberHistory", "query($member: ID!) { memberHistory(id: $member) { type } }"),
            Map.entry("Query.aggregateHistory", "query($member: ID!) { aggregateHistory(type: Member, id: $member, "
                    + "first: 5) { totalCount } }"),
            Map.entry("Query.members", "query($unit: ID) { members(filter: {orgUnitId: $unit}, first: 5) { totalCount } }"),
            Map.entry("Query.memberChanges", "query($unit: ID!) { memberChanges(orgUnitId: $unit, first: 5) { token } }"),
            Map.entry("Query.memberCounts", "query($unit: ID) { memberCounts(filter: {orgUnitId: $unit}) { total } }"),
            Map.entry("Query.aggregateAsOf", "query($member: ID!) { aggregateAsOf(type: Member, id: $member) { exists } }"),
            Map.entry("Query.memberCountsAsOf", "query($unit: ID) { memberCountsAsOf(orgUnitId: $unit, "
                    + "at: \"2026-01-01T00:00:00Z\") { total } }"),
            Map.entry("Query.indicators", "query($unit: ID) { indicators(orgUnitId: $unit, from: \"2026-01-01\", "
                    + "to: \"2026-02-01\") { interval } }"),
            Map.entry("Query.projections", "{ projections { name } }"),
            Map.entry("Query.personalDataAccesses", "{ personalDataAccesses(first: 5) { edges { cursor } } }"),
            Map.entry("Query.censusImport", "query($member: ID!) { censusImport(id: $member) { state } }"),
            Map.entry("Query.censusImports", "{ censusImports { id state } }"),
            mutation("registerMember"), mutation("correctMemberIdentity"), mutation("changeMemberPhone"),
            mutation("changeMemberTrades"), mutation("recordMemberResignation"), mutation("recordMemberDeath"),
            mutation("recordDuesPayment"), mutation("transferMember"), mutation("suspendMember"),
            mutation("reinstateMember"), mutation("erasePersonalData"), mutation("submitFieldWork"), mutation("createOrgUnit"),
            mutation("renameOrgUnit"), mutation("moveOrgUnit"), mutation("closeOrgUnit"),
            mutation("rebuildProjection"),
            Map.entry("Query.deadLetters", "{ deadLetters(first: 5) { totalCount } }"),
            Map.entry("Query.verifyIntegrity", "query($member: ID) { verifyIntegrity(aggregateType: \"Member\", "
                    + "aggregateId: $member) { ok } }"),
            Map.entry("Query.integrityCheckpoints", "{ integrityCheckpoints(first: 5) { totalCount } }"),
            mutation("recordIntegrityCheckpoint"),
            mutation("retryDeadLetters"), mutation("evictDeadLetter"),
            Map.entry("Subscription.memberChanged", "subscription($member: ID!) { memberChanged(id: $member) { id phone } }"),
            Map.entry("Subscription.memberRegistered", "subscription($unit: ID!) { memberRegistered(orgUnitId: $unit) { id } }"),
            Map.entry("Subscription.projectionStatus", "subscription { projectionStatus { name } }"),
            Map.entry("Subscription.censusImportProgress",
                    "subscription($member: ID!) { censusImportProgress(id: $member) { state } }"),
            Map.entry("Query.consultation", "query($consultation: ID!) { consultation(id: $consultation) { id status } }"),
            Map.entry("Query.consultations", "query($unit: ID) { consultations(filter: {orgUnitId: $unit}, first: 5) "
                    + "{ totalCount } }"),
            Map.entry("Query.myConsultations", "query($member: ID) { myConsultations(memberId: $member) { hasVoted "
                    + "consultation { id } } }"),
            Map.entry("Query.checkBallotReceipt", "query($consultation: ID!) { checkBallotReceipt(consultationId: "
                    + "$consultation, receipt: \"4821-0937-55\") { counted } }"),
            Map.entry("Query.publishedBallots", "query($consultation: ID!) { publishedBallots(consultationId: "
                    + "$consultation, first: 5) { totalCount } }"),
            Map.entry("Query.recommendations", "query($consultation: ID!) { recommendations(consultationId: "
                    + "$consultation, first: 5) { totalCount } }"),
            mutation("draftConsultation"), mutation("editConsultationDraft"), mutation("scheduleConsultation"),
            mutation("extendConsultation"), mutation("closeConsultation"), mutation("cancelConsultation"),
            mutation("castBallot"), mutation("tagRecommendation"),
            Map.entry("Subscription.consultationTurnout",
                    "subscription($consultation: ID!) { consultationTurnout(id: $consultation) { voterCount } }"),
            Map.entry("Subscription.consultationTallied",
                    "subscription($consultation: ID!) { consultationTallied(id: $consultation) { id status } }"),
            Map.entry("Query.auditTrail", "query($unit: ID) { auditTrail(filter: {orgUnit: $unit}, first: 5) "
                    + "{ totalCount } }"),
            Map.entry("Query.correlationTrail", "{ correlationTrail(correlationId: \"matrice\", first: 5) "
                    + "{ totalCount } }"));

    @Autowired
    GraphQlSource graphQlSource;
    @Autowired
    AccessRules accessRules;

    @Test
    void everyOperationOfTheSchemaHasExactlyOneRuleAndOneLineInThisMatrix() {
        Set<String> operations = schemaOperations();

        assertThat(operations).contains("Subscription.memberChanged", "Subscription.projectionStatus");
        assertThat(new TreeSet<>(accessRules.operations())).as("rules of AccessRules").isEqualTo(operations);
        assertThat(new TreeSet<>(EXPECTED.keySet())).as("lines of this matrix").isEqualTo(operations);
        assertThat(new TreeSet<>(DOCUMENTS.keySet())).as("documents of this matrix").isEqualTo(operations);
    }

    @Test
    void theSchemaTellsWhoMayRunEachOperation() {
        GraphQLSchema schema = graphQlSource.schema();

        assertThat(schema.getQueryType().getFieldDefinition("member").getDescription())
                .endsWith("Accès : membre (sa propre fiche), agent de terrain (son unité), responsable de section "
                        + "(sa section et ses unités), bureau exécutif, auditeur, administrateur.");
        assertThat(schema.getMutationType().getFieldDefinition("rebuildProjection").getDescription())
                .endsWith("Accès : administrateur.");
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
            assertThat(root.getFieldDefinitions()).allSatisfy(field -> assertThat(field.getDescription())
                    .as(root.getName() + "." + field.getName()).contains("\n\nAccès : ").doesNotContain("aucune règle d'accès"));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoleInAndOutOfReach() {
        TestApi bureau = connect();
        Fixtures fixtures = new Fixtures(bureau);
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : schemaOperations()) {
            Expectation expected = EXPECTED.get(operation);
            for (boolean inReach : new boolean[]{true, false}) {
                String reach = inReach ? "dans le périmètre" : "hors périmètre";
                tests.add(DynamicTest.dynamicTest(operation + " · anonyme · " + reach + " → refusé",
                        () -> assertAnonymousRefused(bureau, operation, fixtures.variables(operation, inReach, false))));
                for (Role role : EnumSet.complementOf(EnumSet.of(Role.SYSTEM))) {
                    boolean allowed = (inReach ? expected.inReach() : expected.outOfReach()).contains(role);
                    tests.add(DynamicTest.dynamicTest(operation + " · " + role + " · " + reach + " → "
                            + (allowed ? "permis" : "refusé"), () -> {
                        Map<String, Object> variables = fixtures.variables(operation, inReach, allowed);
                        TestApi caller = bureau.as(fixtures.principal(role, variables));
                        if (allowed) {
                            assertAllowed(caller, operation, variables, bureau);
                        } else {
                            assertRefused(caller, operation, variables, AccessRefusedException.FORBIDDEN, bureau);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** Allowed: whatever the operation answers (a business refusal included), it is not an access refusal. */
    private static void assertAllowed(TestApi caller, String operation, Map<String, Object> variables, TestApi bureau) {
        List<ResponseError> errors = run(caller, operation, variables, bureau);
        assertThat(errors).as("access errors of %s", operation).noneMatch(AuthorizationMatrixTest::accessRefusal);
    }

    /** Refused: exactly one error with the expected code, and no event stored. */
    private static void assertRefused(TestApi caller, String operation, Map<String, Object> variables, String code,
                                      TestApi bureau) {
        long head = bureau.eventStoreHead();

        List<ResponseError> errors = run(caller, operation, variables, bureau);

        assertThat(errors).as("errors of %s", operation).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", code));
        assertThat(bureau.eventStoreHead()).as("event store head after a refused %s", operation).isEqualTo(head);
    }

    /** Without a token: a query or mutation answers UNAUTHENTICATED, a WebSocket connection is closed (4401). */
    private static void assertAnonymousRefused(TestApi bureau, String operation, Map<String, Object> variables) {
        if (!operation.startsWith("Subscription.")) {
            assertRefused(bureau.anonymous(), operation, variables, AccessRefusedException.UNAUTHENTICATED, bureau);
            return;
        }
        assertThat(LiveConnection.refusal(() -> bureau.anonymous().live())).hasMessageContaining("4401");
    }

    private static List<ResponseError> run(TestApi caller, String operation, Map<String, Object> variables,
                                           TestApi bureau) {
        if (operation.startsWith("Subscription.")) {
            return subscribe(caller, operation, variables, bureau);
        }
        var request = caller.graphQl().document(DOCUMENTS.get(operation));
        variables.forEach(request::variable);
        return request.execute().returnResponse().getErrors();
    }

    /**
     * A subscription over WebSocket: the errors it ends with at once, or none once it answered or completed. A new
     * member is pushed only once one is registered where the subscription watches: one is registered there until
     * something comes (a refusal comes at once, before any).
     */
    private static List<ResponseError> subscribe(TestApi caller, String operation, Map<String, Object> variables,
                                                 TestApi bureau) {
        try (LiveConnection connection = caller.live()) {
            Received received = connection.subscribe(DOCUMENTS.get(operation), variables);
            for (int attempt = 0; operation.equals("Subscription.memberRegistered") && attempt < 10
                    && !received.signalsWithin(Duration.ofSeconds(3)); attempt++) {
                bureau.register(TestApi.registration("Matrice" + TestData.suffix(), "Awa", "F",
                        (String) variables.get("unit")));
            }
            return received.firstErrors();
        }
    }

    private static boolean accessRefusal(ResponseError error) {
        Object code = error.getExtensions().get("code");
        return AccessRefusedException.FORBIDDEN.equals(code) || AccessRefusedException.UNAUTHENTICATED.equals(code);
    }

    private Set<String> schemaOperations() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> operations = new TreeSet<>();
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                operations.add(root.getName() + "." + field.getName());
            }
        }
        return operations;
    }

    /**
     * The members, units and consultations the cases act on; a member mutation gets a member of its own, and an
     * allowed consultation mutation a consultation of its own (a draft, scheduled or open one, as it needs), so
     * cases do not interfere. Consultations are owned by SG-01 (in reach) or KY-01 (out of reach).
     */
    static final class Fixtures {

        private static final String DRAFT = "mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) "
                + "{ userErrors { code field message } consultation { id } } }";
        private static final String SCHEDULE = "mutation($input: ScheduleConsultationInput!) { scheduleConsultation("
                + "input: $input) { userErrors { code field message } consultation { id } } }";
        private static final String CLOSE = "mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) "
                + "{ userErrors { code field message } consultation { id } } }";
        private static final String STATUS = "query($id: ID!) { consultation(id: $id) { status } }";

        private final TestApi bureau;
        private final String segouUnit;
        private final String otherSegouUnit;
        private final String kayesUnit;
        private final String segouMember;
        private final String kayesMember;
        private final String spareUnit;
        /** Tallied consultations of SG-01 (true) and KY-01 (false), which cases only read or are refused on. */
        private Map<Boolean, String> sharedConsultations;
        /** Consultations an allowed case closes: their tally (a deadline) is awaited before the next case begins. */
        private final List<String> closing = new ArrayList<>();

        Fixtures(TestApi bureau) {
            this.bureau = bureau;
            segouUnit = bureau.unitId("SG-01");
            otherSegouUnit = bureau.unitId("SG-02");
            kayesUnit = bureau.unitId("KY-01");
            segouMember = register(segouUnit);
            kayesMember = register(kayesUnit);
            spareUnit = bureau.run("createOrgUnit", "input", Map.of("code", TestData.unitCode("ZZ"),
                    "name", "Unité de la matrice", "level", "LOCAL", "parentId", bureau.unitId("KY")))
                    .data("createOrgUnit.orgUnit.id");
        }

        private String register(String unit) {
            return (String) bureau.register(TestApi.registration("Matrice" + TestData.suffix(), "Awa", "F", unit))
                    .get("id");
        }

        /** A refused case changes nothing, so only an allowed mutation needs a member of its own. */
        Map<String, Object> variables(String operation, boolean inReach, boolean allowed) {
            awaitTallies();
            Map<String, Object> variables = new HashMap<>();
            String unit = inReach ? segouUnit : kayesUnit;
            String member = allowed && aboutOneMember(operation) ? register(unit) : inReach ? segouMember : kayesMember;
            variables.put("unit", unit);
            variables.put("member", member);
            // a member acts on their own record when in reach, on another's when not
            variables.put("self", inReach ? member : segouMember);
            if (DOCUMENTS.get(operation).contains("$consultation")) {
                variables.put("consultation", sharedConsultation(inReach));
            }
            variables.put("input", input(operation, unit, member, inReach, allowed));
            return variables;
        }

        ActingPrincipal principal(Role role, Map<String, Object> variables) {
            return switch (role) {
                case MEMBER -> new ActingPrincipal("membre-matrice", MEMBER, null, (String) variables.get("self"));
                case FIELD_AGENT -> TestApi.SEGOU_AGENT;
                case CHAPTER_OFFICER -> TestApi.SEGOU_OFFICER;
                default -> new ActingPrincipal(role.name().toLowerCase() + "-matrice", role, null, null);
            };
        }

        private Map<String, Object> input(String operation, String unit, String member, boolean inReach,
                                          boolean allowed) {
            Map<String, Object> input = new HashMap<>();
            switch (operation) {
                case "Mutation.draftConsultation" -> input.put("plan", plan(unit, false));
                case "Mutation.editConsultationDraft" -> input.putAll(Map.of("consultationId",
                        allowed ? draft(unit, false) : sharedConsultation(inReach), "plan", plan(unit, false)));
                case "Mutation.scheduleConsultation" -> input.put("consultationId",
                        allowed ? draft(unit, false) : sharedConsultation(inReach));
                case "Mutation.extendConsultation" -> input.putAll(Map.of("consultationId",
                        allowed ? scheduled(unit, false) : sharedConsultation(inReach),
                        "closesAt", Instant.now().plus(32, ChronoUnit.DAYS).toString(), "reason", "Marché de fin d'année"));
                case "Mutation.closeConsultation" -> input.putAll(Map.of("consultationId",
                        allowed ? closing(open(unit)) : sharedConsultation(inReach), "reason", "Assemblée avancée"));
                case "Mutation.cancelConsultation" -> input.putAll(Map.of("consultationId",
                        allowed ? draft(unit, false) : sharedConsultation(inReach), "reason", "Question retirée"));
                // opened after the member's registration, so that the member is on its roll
                case "Mutation.castBallot" -> input.putAll(Map.of("consultationId",
                        allowed ? open(unit) : sharedConsultation(inReach),
                        "answers", List.of(Map.of("questionId", "Q1", "optionIds", List.of("YES")))));
                // no such recommendation: an allowed case is answered NOT_FOUND, and changes nothing
                case "Mutation.tagRecommendation" -> input.putAll(Map.of("consultationId", sharedConsultation(inReach),
                        "recommendationId", "inconnue:Q1", "tags", List.of("fiscalité")));
                case "Mutation.registerMember" -> input.putAll(TestApi.registration("Matrice" + TestData.suffix(),
                        "Oumou", "F", unit));
                case "Mutation.correctMemberIdentity" -> input.putAll(Map.of("firstName", "Oumou", "reason", "Erreur de saisie"));
                case "Mutation.changeMemberPhone" -> input.put("phone", TestData.uniquePhone());
                case "Mutation.changeMemberTrades" -> input.put("trades", List.of("POTERIE"));
                case "Mutation.recordDuesPayment" -> input.putAll(Map.of("year", Year.now().getValue(),
                        "amountFcfa", 2500, "receiptNumber", "R-" + TestData.suffix()));
                case "Mutation.transferMember" -> input.put("toLocalUnitId", unit.equals(segouUnit) ? otherSegouUnit : segouUnit);
                case "Mutation.suspendMember" -> input.put("reason", "Cotisations impayées");
                case "Mutation.erasePersonalData" -> input.put("reason", "Demande de la personne");
                case "Mutation.submitFieldWork" -> input.put("items", List.of(Map.of("changeMemberPhone", Map.of(
                        "memberId", member, "phone", TestData.uniquePhone(), "clientMutationId", "file-" + TestData.suffix()))));
                case "Mutation.createOrgUnit" -> input.putAll(Map.of("code", TestData.unitCode("ZZ"),
                        "name", "Nouvelle unité", "level", "LOCAL", "parentId", unit));
                case "Mutation.renameOrgUnit" -> input.putAll(Map.of("orgUnitId", spareUnit, "name", "Unité " + TestData.suffix()));
                case "Mutation.moveOrgUnit" -> input.putAll(Map.of("orgUnitId", spareUnit, "newParentId", bureau.unitId("KY")));
                case "Mutation.closeOrgUnit" -> input.putAll(Map.of("orgUnitId", spareUnit, "reason", "Fusion"));
                case "Mutation.rebuildProjection" -> input.putAll(Map.of("name", "org-unit-projection", "awaitCompletion", true));
                case "Mutation.retryDeadLetters" -> input.put("processor", "org-unit-projection");
                case "Mutation.evictDeadLetter" -> input.putAll(Map.of("processor", "org-unit-projection",
                        "sequenceId", "rien-en-attente"));
                default -> {
                }
            }
            if (aboutOneMember(operation)) {
                input.put("memberId", member);
            }
            return input;
        }

        /**
         * A plan of {@code unit}'s members, opening as soon as it is scheduled, or in a month (nothing then happens on
         * its own while the tests run: a deadline's event would move the event store's head under a refused case).
         */
        private static Map<String, Object> plan(String unit, boolean opensNow) {
            Map<String, Object> plan = new HashMap<>();
            plan.put("title", "Consultation de la matrice");
            plan.put("questions", List.of(Map.of("kind", "YES_NO_ABSTAIN", "text", "Faut-il ouvrir le marché le dimanche ?")));
            plan.put("eligibility", Map.of("orgUnitId", unit));
            plan.put("mode", "OPEN");
            plan.put("channels", List.of("PORTAL", "FIELD_AGENT"));
            plan.put("opensAt", opensNow ? Instant.now().minus(1, ChronoUnit.MINUTES).toString()
                    : Instant.now().plus(30, ChronoUnit.DAYS).toString());
            plan.put("closesAt", Instant.now().plus(31, ChronoUnit.DAYS).toString());
            plan.put("quorumPercent", 0);
            return plan;
        }

        private String draft(String unit, boolean opensNow) {
            return bureau.runText(DRAFT, Map.of("input", Map.of("plan", plan(unit, opensNow))))
                    .data("draftConsultation.consultation.id");
        }

        private String scheduled(String unit, boolean opensNow) {
            String id = draft(unit, opensNow);
            bureau.runText(SCHEDULE, Map.of("input", Map.of("consultationId", id))).data("scheduleConsultation");
            return id;
        }

        /** Open: scheduled with its opening past, it opens within one polling interval of the deadlines. */
        private String open(String unit) {
            String id = scheduled(unit, true);
            awaitStatus(id, "OPEN");
            return id;
        }

        private String closing(String consultationId) {
            closing.add(consultationId);
            return consultationId;
        }

        /** Once a consultation is closed, its tally follows: each closed by the last case is tallied before going on. */
        @SuppressWarnings("unchecked")
        private void awaitTallies() {
            for (String id : closing) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> ((List<Map<String,
                        Object>>) bureau.historyPage("Consultation", id, 20, null, null, null).get("edges")).stream()
                        .map(edge -> ((Map<String, Object>) edge.get("node")).get("eventName")).toList(), events ->
                        !events.contains("ConsultationClosedEvent") || events.contains("ConsultationTalliedEvent"));
            }
            closing.clear();
        }

        /** The tallied consultations of SG-01 and KY-01, both made on the first call, side by side. */
        private String sharedConsultation(boolean inReach) {
            if (sharedConsultations == null) {
                List<String> both = List.of(scheduled(segouUnit, true), scheduled(kayesUnit, true));
                for (String id : both) {
                    awaitStatus(id, "OPEN");
                    bureau.runText(CLOSE, Map.of("input", Map.of("consultationId", id, "reason", "Fixture de la matrice")))
                            .data("closeConsultation");
                }
                both.forEach(id -> awaitStatus(id, "TALLIED"));
                sharedConsultations = Map.of(true, both.get(0), false, both.get(1));
            }
            return sharedConsultations.get(inReach);
        }

        private void awaitStatus(String id, String status) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> bureau.runText(STATUS,
                    Map.of("id", id)).<String>data("consultation.status"), status::equals);
        }
    }

    record Expectation(Set<Role> inReach, Set<Role> outOfReach) {
    }

    private static Map.Entry<String, Expectation> expect(String operation, String inReach, String outOfReach) {
        return Map.entry(operation, new Expectation(roles(inReach), roles(outOfReach)));
    }

    private static Set<Role> roles(String letters) {
        Map<String, Role> byLetter = Map.of("M", MEMBER, "F", FIELD_AGENT, "C", CHAPTER_OFFICER,
                "B", EXECUTIVE_BUREAU, "A", AUDITOR, "D", ADMIN);
        return Stream.of(letters.split(" ")).filter(letter -> !letter.isEmpty()).map(byLetter::get).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /** A mutation's document, taking the whole {@code input} as a variable. */
    private static Map.Entry<String, String> mutation(String name) {
        String inputType = Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Input";
        return Map.entry("Mutation." + name, "mutation($input: " + inputType + "!) { " + name
                + "(input: $input) { __typename } }");
    }

    /**
     * Mutations of one existing member: their input names it, and each case gets a member of its own (a ballot names
     * the member who votes, registered before the case's consultation opens).
     */
    private static boolean aboutOneMember(String operation) {
        return operation.startsWith("Mutation.") && EXPECTED.containsKey(operation)
                && !operation.endsWith("OrgUnit") && !operation.equals("Mutation.rebuildProjection")
                && !operation.endsWith("DeadLetters") && !operation.endsWith("DeadLetter")
                && !operation.equals("Mutation.registerMember") && !operation.equals("Mutation.submitFieldWork")
                && !operation.contains("Consultation") && !operation.equals("Mutation.tagRecommendation")
                && !operation.equals("Mutation.recordIntegrityCheckpoint");
    }

}
