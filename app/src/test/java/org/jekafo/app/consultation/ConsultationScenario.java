package org.jekafo.app.consultation;

import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.springframework.graphql.ResponseError;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consultation played over GraphQL by its people: a fresh local unit with its members (so that the roll is known
 * exactly), the bureau running it, members and a field agent voting.
 */
public final class ConsultationScenario {

    static final String CONSULTATION_FIELDS = """
            id status mode eligibleCount closedEarly closingReason cancellationReason closesAt version publicKey
            questions { questionId kind options { optionId label } maxChoices }
            eligibleGroups { dimension group count }
            turnout { voterCount eligibleCount byChannel { group count } liveCounts { group count } }
            result { outcome eligibleCount voterCount voterGroups { dimension group count }
                     questions { questionId options { optionId count proof groups { dimension group count } }
                                 blank { count } } }
            inclusion { dimension group eligible eligibleShare voters voterShare turnout }
            """;
    static final String DRAFT = "mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) { "
            + "userErrors { code field message } consultation { " + CONSULTATION_FIELDS + " } } }";
    static final String SCHEDULE = "mutation($input: ScheduleConsultationInput!) { scheduleConsultation(input: $input) { "
            + "userErrors { code field message } consultation { id status } } }";
    public static final String CLOSE = "mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) { "
            + "userErrors { code field message } consultation { id status closedEarly } } }";
    static final String CAST = "mutation($input: CastBallotInput!) { castBallot(input: $input) { "
            + "userErrors { code field message } receipt consultation { id } } }";
    static final String CONSULTATION = "query($id: ID!) { consultation(id: $id) { " + CONSULTATION_FIELDS + " } }";

    final TestApi bureau;
    public final String unitId;
    final String unitCode;
    public final List<String> members = new ArrayList<>();

    public ConsultationScenario(TestApi bureau, List<String> genders) {
        this.bureau = bureau;
        this.unitCode = TestData.unitCode("SG");
        Map<String, Object> created = bureau.run("createOrgUnit", "input", Map.of("code", unitCode,
                "name", "Unité " + unitCode, "level", "LOCAL", "parentId", bureau.unitId("SG")))
                .data("createOrgUnit.orgUnit");
        this.unitId = (String) created.get("id");
        genders.forEach(gender -> members.add(register(gender)));
    }

    String register(String gender) {
        Map<String, Object> member = bureau.register(TestApi.registration("Votant" + TestData.suffix(), "Awa", gender,
                unitId));
        return (String) member.get("id");
    }

    public TestApi member(int index) {
        return memberApi(members.get(index));
    }

    TestApi memberApi(String memberId) {
        return bureau.as(new ActingPrincipal("membre-" + memberId, Role.MEMBER, null, TestApi.identifierOf(memberId)));
    }

    /**
     * Every member's ballot sent twice at the same moment: by the member on the portal, and by the unit's field agent
     * through {@code fieldInstance} (the same application, or another instance of it); asserts that exactly one of
     * each pair is received and the other refused with {@code ALREADY_VOTED}, and that the turnout counts each member
     * once.
     */
    public void castEachTwiceAtOnce(String id, UnaryOperator<TestApi> fieldInstance) throws Exception {
        TestApi field = fieldInstance.apply(agent());
        ExecutorService pool = Executors.newFixedThreadPool(2 * members.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ResponseError>>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < members.size(); i++) {
                String member = members.get(i);
                for (TestApi channel : List.of(member(i), field)) {
                    String option = channel == field ? "Q1-B" : "Q1-A";
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return cast(channel, ballot(id, member, List.of(choose("Q1", option)))).errors();
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < members.size(); i++) {
                List<ResponseError> first = outcomes.get(2 * i).get();
                List<ResponseError> second = outcomes.get(2 * i + 1).get();
                assertThat(List.of(first, second)).as("member %d's two ballots", i)
                        .filteredOn(List::isEmpty).hasSize(1);
                List<ResponseError> refused = first.isEmpty() ? second : first;
                assertThat(refused).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "ALREADY_VOTED"));
            }
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Map<?, ?>) consultation(id).get("turnout"))
                .get("voterCount"), Integer.valueOf(members.size())::equals);
    }

    TestApi agent() {
        return bureau.as(new ActingPrincipal("agent-" + unitCode, Role.FIELD_AGENT, unitCode, null));
    }

    public static Map<String, Object> plan(String unitId, String mode, int quorumPercent) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", "Consultation sur les taxes du marché");
        plan.put("titleBm", "Sugu nisɔngɔw");
        plan.put("description", "Que demander à la mairie ?");
        plan.put("questions", List.of(
                Map.of("kind", "SINGLE_CHOICE", "text", "Quelle priorité ?", "options", List.of(
                        Map.of("label", "Baisse des taxes"), Map.of("label", "Eau courante"),
                        Map.of("label", "Éclairage"))),
                Map.of("kind", "YES_NO_ABSTAIN", "text", "Faut-il une marche de protestation ?"),
                Map.of("kind", "FREE_TEXT", "text", "Vos recommandations")));
        plan.put("eligibility", Map.of("orgUnitId", unitId));
        plan.put("mode", mode);
        plan.put("channels", List.of("PORTAL", "FIELD_AGENT"));
        plan.put("opensAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        plan.put("closesAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        plan.put("quorumPercent", quorumPercent);
        return plan;
    }

    /** Drafts and schedules a consultation that opens at once; waits until it is open. */
    public String open(Map<String, Object> plan) {
        Map<String, Object> drafted = bureau.runText(DRAFT, Map.of("input", Map.of("plan", plan)))
                .data("draftConsultation.consultation");
        String id = (String) drafted.get("id");
        bureau.runText(SCHEDULE, Map.of("input", Map.of("consultationId", id))).data("scheduleConsultation");
        awaitStatus(id, "OPEN");
        return id;
    }

    Map<String, Object> consultation(String id) {
        return bureau.runText(CONSULTATION, Map.of("id", id)).data("consultation");
    }

    public Map<String, Object> awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> consultation(id), c -> status.equals(c.get("status")));
    }

    public static Map<String, Object> ballot(String consultationId, String memberId, List<Map<String, Object>> answers) {
        return Map.of("consultationId", consultationId, "memberId", memberId, "answers", answers);
    }

    public static Map<String, Object> choose(String questionId, String... optionIds) {
        return Map.of("questionId", questionId, "optionIds", List.of(optionIds));
    }

    static Map<String, Object> write(String questionId, String text) {
        return Map.of("questionId", questionId, "text", text);
    }

    public TestApi.Answer cast(TestApi as, Map<String, Object> ballot) {
        return as.runText(CAST, Map.of("input", ballot));
    }
}
