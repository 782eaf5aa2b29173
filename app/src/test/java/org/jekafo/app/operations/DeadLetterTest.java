package org.jekafo.app.operations;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event — one whose document Elasticsearch refuses — never stalls the others: it is parked in the member
 * projection's dead-letter queue with its reason, the member's later events wait behind it, everyone else's flow,
 * health says DEGRADED and names the member, and an administrator retries or evicts it. Elasticsearch is made to
 * refuse any member with a status reason ({@link RefusingIndex}), and cured after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTest extends IntegrationTest {

    private static final String MEMBERS = "member-projection";
    private static final String REASON = "Départ au Sénégal chez sa sœur Kadiatou";
    private static final Duration PARKED_WITHIN = Duration.ofSeconds(60);

    @Autowired
    ProjectionMaintenance maintenance;

    TestApi api;
    TestApi admin;
    String unit;
    RefusingIndex index;

    @BeforeAll
    void connectAsBureauAndAdministrator() {
        api = connect();
        admin = api.as(TestApi.OPERATOR);
        unit = api.unitId("KY-04");
    }

    @BeforeEach
    void elasticsearchRefusesStatusReasons() {
        index = new RefusingIndex((String) api.projection(MEMBERS).get("writeIndex"));
        index.refuseReasons();
    }

    @AfterEach
    void causeFixedAndEverythingRetried() {
        new RefusingIndex((String) api.projection(MEMBERS).get("writeIndex")).acceptReasons();
        await().atMost(PARKED_WITHIN).untilAsserted(() -> {
            admin.run("retryDeadLetters", "input", Map.of("processor", MEMBERS));
            assertThat(letters(null)).isEmpty();
        });
    }

    @Test
    void refusedEventIsParkedWithItsReasonAndNoPersonalValue() {
        String member = registered("Poison");

        Map<String, Object> answer = resigned(member);

        assertThat(answer).as("what the index shows: the resignation is not applied").containsEntry("status", "ACTIVE");
        Map<String, Object> letter = awaitParked(member).get(0);
        assertThat(letter).containsEntry("processor", MEMBERS).containsEntry("sequenceId", member)
                .containsEntry("eventType", "MemberResignedEvent").containsEntry("causeType", "DocumentRefusedException")
                .containsEntry("attempts", 1).containsEntry("sequenceNumber", 1);
        assertThat((String) letter.get("reason")).contains(member).contains("HTTP 400")
                .contains("document_parsing_exception").doesNotContain("Kadiatou").doesNotContain("Sénégal");
        assertThat(letter.get("globalPosition")).isNotNull();
        assertThat(letter.get("firstFailureAt")).isNotNull();
    }

    @Test
    void membersRegisteredAfterAParkedEventAreSearchable() {
        String poisoned = registered("Poison");
        resigned(poisoned);
        awaitParked(poisoned);

        String lastName = "Apres" + TestData.suffix();
        api.register(TestApi.registration(lastName, "Awa", "F", unit));
        api.register(TestApi.registration(lastName, "Bakary", "M", unit));

        assertThat(api.memberList(Map.of("name", lastName))).extracting(m -> m.get("firstName"))
                .containsExactlyInAnyOrder("Awa", "Bakary");
    }

    @Test
    void parkedMembersLaterEventsWaitBehindItUntilRetried() {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);
        String newPhone = TestData.uniquePhone();

        api.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));

        List<Map<String, Object>> parked = awaitParked(member, 2);
        assertThat(parked.get(1)).containsEntry("eventType", "MemberPhoneChangedEvent").containsEntry("attempts", 0)
                .containsEntry("reason", null);
        assertThat(api.member(member)).containsEntry("status", "ACTIVE").containsEntry("version", 0);

        index.acceptReasons();
        Map<String, Object> retried = admin.run("retryDeadLetters", "input", Map.of("processor", MEMBERS,
                "sequenceId", member)).data("retryDeadLetters");

        assertThat(retried).containsEntry("appliedSequences", 1);
        assertThat(letters(member)).isEmpty();
        assertThat(api.member(member)).containsEntry("status", "RESIGNED").containsEntry("statusReason", REASON)
                .containsEntry("version", 2);
    }

    @Test
    void retryBeforeTheCauseIsFixedKeepsTheEventParkedWithOneMoreAttempt() {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);

        Map<String, Object> retried = admin.run("retryDeadLetters", "input", Map.of("processor", MEMBERS,
                "sequenceId", member)).data("retryDeadLetters");

        assertThat(retried).containsEntry("appliedSequences", 0);
        assertThat(letters(member)).singleElement().satisfies(letter -> assertThat(letter)
                .containsEntry("attempts", 2).containsEntry("eventType", "MemberResignedEvent"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthIsDegradedNamingTheParkedMemberThenUpOnceRetried() {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);

        Map<String, Object> degraded = health();

        assertThat(degraded).containsEntry("status", "DEGRADED");
        Map<String, Object> projections = (Map<String, Object>) ((Map<String, Object>) degraded.get("components"))
                .get("projections");
        assertThat(projections).containsEntry("status", "DEGRADED");
        Map<String, Object> members = (Map<String, Object>) ((Map<String, Object>) projections.get("details")).get(MEMBERS);
        assertThat(members).containsEntry("deadLetters", 1);
        assertThat((List<String>) members.get("deadLetterSequences")).containsExactly(member);

        index.acceptReasons();
        admin.run("retryDeadLetters", "input", Map.of("processor", MEMBERS));

        assertThat(health()).containsEntry("status", "UP");
    }

    @Test
    void evictionDropsTheFailedEventAppliesThoseBehindItAndLogsWhoDidIt(CapturedOutput output) {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);
        String newPhone = TestData.uniquePhone();
        api.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));
        awaitParked(member, 2);

        Map<String, Object> evicted = admin.run("evictDeadLetter", "input", Map.of("processor", MEMBERS,
                "sequenceId", member)).data("evictDeadLetter");

        assertThat(evicted).containsEntry("remaining", 0);
        assertThat((Map<String, Object>) evicted.get("evicted")).containsEntry("sequenceId", member)
                .containsEntry("eventType", "MemberResignedEvent");
        assertThat(letters(member)).isEmpty();
        assertThat(api.member(member)).containsEntry("status", "ACTIVE").containsEntry("version", 2);
        assertThat(output.getAll()).contains("Dead letter evicted by admin-test (ADMIN): processor " + MEMBERS
                + ", sequence " + member + ", event MemberResignedEvent");
    }

    @Test
    void evictingASequenceWithNothingParkedIsRefused() {
        var error = admin.run("evictDeadLetter", "input", Map.of("processor", MEMBERS, "sequenceId", "inconnu"))
                .singleError();

        TestApi.assertRefused(error, "NOT_FOUND", "sequenceId");
    }

    @Test
    void restartedProcessorDoesNotStallOnAParkedEvent() {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);
        StreamingEventProcessor processor = maintenance.processor(MEMBERS).orElseThrow();

        processor.shutdownAsync().join();
        processor.start();
        String lastName = "Redemarre" + TestData.suffix();
        api.register(TestApi.registration(lastName, "Fanta", "F", unit));

        assertThat(api.memberList(Map.of("name", lastName))).hasSize(1);
        assertThat(letters(member)).hasSize(1);
    }

    @Test
    void rebuildWithAParkedEventCompletesAndReplaysItIntoTheNewIndex() {
        String member = registered("Poison");
        resigned(member);
        awaitParked(member);

        Map<String, Object> rebuilt = admin.run("rebuildProjection", "input", Map.of("name", MEMBERS,
                "awaitCompletion", true)).data("rebuildProjection.projection");

        assertThat(rebuilt).containsEntry("rebuilding", false);
        assertThat(letters(member)).as("the reset emptied the queue; the new index accepts the event").isEmpty();
        assertThat(api.member(member)).containsEntry("status", "RESIGNED");
    }

    // --- helpers ---

    private String registered(String prefix) {
        return TestApi.identifierOf(api.register(TestApi.registration(prefix + TestData.suffix(), "Kadiatou", "F", unit))
                .get("id")); // a dead letter names the aggregate by its identifier
    }

    private Map<String, Object> resigned(String member) {
        return api.mutateMember("recordMemberResignation", Map.of("memberId", member, "reason", REASON));
    }

    private List<Map<String, Object>> awaitParked(String member) {
        return awaitParked(member, 1);
    }

    private List<Map<String, Object>> awaitParked(String member, int count) {
        return await().atMost(PARKED_WITHIN).until(() -> letters(member), letters -> letters.size() == count);
    }

    /** The parked events of one member (of everyone when null) in the member projection's queue. */
    private List<Map<String, Object>> letters(String member) {
        return admin.deadLetters(MEMBERS, member);
    }

    private Map<String, Object> health() {
        return admin.web().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }
}
