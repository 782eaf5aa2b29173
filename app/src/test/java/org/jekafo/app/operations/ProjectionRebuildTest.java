package org.jekafo.app.operations;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;

import java.time.Duration;
import java.time.Year;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the member projection from the event store: a new index behind the same alias, the same answers
 * before and after, the same documents every time; and the projections' progress in GraphQL and in the
 * actuator health.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionRebuildTest extends IntegrationTest {

    private static final String MEMBERS = "member-projection";

    TestApi api;
    final String lastName = "Diallo" + TestData.suffix();

    @BeforeAll
    void registerMembersWithSomeHistory() {
        api = connect();
        String unit = api.unitId("KY-03");
        Map<String, Object> aminata = api.register(TestApi.registration(lastName, "Aminata", "F", unit));
        Map<String, Object> boubacar = api.register(TestApi.registration(lastName, "Boubacar", "M", unit));
        api.register(TestApi.registration(lastName, "Coumba", "F", api.unitId("KY-05")));
        api.mutateMember("changeMemberPhone", Map.of("memberId", aminata.get("id"), "phone", TestData.uniquePhone()));
        api.mutateMember("recordDuesPayment", Map.of("memberId", aminata.get("id"), "year", Year.now().getValue(),
                "amountFcfa", 2000, "receiptNumber", "R-" + TestData.suffix()));
        api.mutateMember("suspendMember", Map.of("memberId", boubacar.get("id"), "reason", "Enquête"));
        api.awaitProjectionsCaughtUp();
    }

    @Test
    void rebuildMovesTheAliasToANewIndexAndQueriesAnswerAsBefore() {
        String indexBefore = (String) api.projection(MEMBERS).get("writeIndex");
        Map<String, Object> listingBefore = listing();
        Map<String, Object> countsBefore = api.memberCounts(Map.of("name", lastName));

        Map<String, Object> rebuilt = rebuild();

        assertThat(rebuilt).containsEntry("name", MEMBERS).containsEntry("alias", "jekafo-members")
                .containsEntry("rebuilding", false);
        assertThat(rebuilt.get("writeIndex")).isNotEqualTo(indexBefore);
        assertThat(api.projection(MEMBERS).get("writeIndex")).isEqualTo(rebuilt.get("writeIndex"));
        assertThat(listing()).isEqualTo(listingBefore);
        assertThat(api.memberCounts(Map.of("name", lastName))).isEqualTo(countsBefore);
    }

    @Test
    void rebuildingTwiceYieldsIdenticalDocuments() {
        Map<String, Object> original = listing();

        rebuild();
        Map<String, Object> afterFirst = listing();
        rebuild();
        Map<String, Object> afterSecond = listing();

        assertThat(afterSecond).isEqualTo(afterFirst).isEqualTo(original);
        assertThat(afterSecond.get("totalCount")).isEqualTo(3);
    }

    @Test
    void projectionsCatchUpWithTheEventStoreToLagZero() {
        api.register(TestApi.registration("Diallo" + TestData.suffix(), "Dramane", "M", api.unitId("KY-01")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.run("projections", Map.of()).<java.util.List<Map<String, Object>>>data("projections"))
                        .allSatisfy(p -> {
                            assertThat(p).containsEntry("lag", 0).containsEntry("rebuilding", false);
                            assertThat(p.get("position")).isEqualTo(p.get("head"));
                        })
                        .extracting(p -> p.get("name")).containsExactlyInAnyOrder("member-projection",
                                "org-unit-projection", "consultation-projection", "consultation-ballot-projection",
                                "audit-projection", "member-period-projection", "org-unit-period-projection"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheEventStoreElasticsearchAndEachProjectionsProgress() {
        api.awaitProjectionsCaughtUp();

        Map<String, Object> health = api.as(TestApi.OPERATOR).web().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(health).containsEntry("status", "UP");
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
        assertThat(components).containsKeys("eventStore", "elasticsearch", "projections");
        assertThat(components.get("eventStore")).containsEntry("status", "UP");
        assertThat(components.get("elasticsearch")).containsEntry("status", "UP");
        assertThat(components.get("projections")).containsEntry("status", "UP");
        Map<String, Object> members = (Map<String, Object>) ((Map<String, Object>) components.get("projections")
                .get("details")).get(MEMBERS);
        assertThat(members).containsKeys("position", "head", "lag");
        assertThat(((Number) members.get("lag")).longValue()).isZero();
        assertThat(((Number) members.get("position")).longValue()).isEqualTo(((Number) members.get("head")).longValue())
                .isGreaterThan(0);
    }

    @Test
    void mutationDuringARebuildStillReadsItsWrites() {
        Map<String, Object> registration = TestApi.registration("Diallo" + TestData.suffix(), "Fatou", "F",
                api.unitId("KY-02"));
        Map<String, Object> started = api.as(TestApi.OPERATOR).run("rebuildProjection", "input", Map.of("name", MEMBERS))
                .data("rebuildProjection.projection");
        assertThat(started).containsEntry("rebuilding", true);
        try {
            Map<String, Object> member = api.register(registration);

            assertThat(member).isNotNull().containsEntry("firstName", "Fatou");
            assertThat(api.memberList(Map.of("name", registration.get("lastName")))).singleElement()
                    .satisfies(found -> assertThat(found).isEqualTo(member));
        } finally {
            api.awaitProjectionsCaughtUp();
        }
    }

    // --- helpers ---

    private Map<String, Object> rebuild() {
        return api.as(TestApi.OPERATOR).run("rebuildProjection", "input", Map.of("name", MEMBERS, "awaitCompletion", true))
                .data("rebuildProjection.projection");
    }

    /** Every document of this test's members, all fields (versions included), with their cursors. */
    private Map<String, Object> listing() {
        return api.members(Map.of("name", lastName), 500, null);
    }
}
