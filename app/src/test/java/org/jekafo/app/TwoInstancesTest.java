package org.jekafo.app;

import org.jekafo.app.consultation.ConsultationScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Production's topology in one test: two application processes (this test's and {@link SecondInstance}) on one Axon
 * Server, one PostgreSQL database, one Elasticsearch, with Keycloak's tokens. Runs on the {@code axonserver} profile
 * only. A census file named by {@code jekafo.test.two-instances.census} (e.g. the 22,000-line census) replaces the
 * test's own 500-line one; the figures are printed.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*axonserver.*")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesTest extends IntegrationTest {

    private static SecondInstance second;

    TestApi first;
    TestApi other;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start(List.of());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void connectBoth() {
        first = connect();
        other = new TestApi(second.port(), tokens());
    }

    private Map<String, Object> registration(TestApi api, String lastName) {
        return TestApi.registration(lastName + TestData.suffix(), "Kadiatou", "F", api.unitId("SG-01"));
    }

    @Test
    @Order(1)
    void registrationsOnEitherInstanceAreReadAtOnceOnTheOther() {
        for (int i = 0; i < 5; i++) {
            Map<String, Object> onFirst = first.register(registration(first, "Traoré"));
            Map<String, Object> onOther = other.register(registration(other, "Keïta"));

            assertThat(onFirst.get("lastName")).asString().startsWith("Traoré");
            assertThat(onOther.get("lastName")).asString().startsWith("Keïta");
            assertThat(other.member((String) onFirst.get("id"))).containsEntry("lastName", onFirst.get("lastName"));
            assertThat(first.member((String) onOther.get("id"))).containsEntry("lastName", onOther.get("lastName"));
        }
    }

    @Test
    @Order(2)
    void twoBallotsOfOneMemberAtTheSameMomentOnTwoInstancesCountOnce() throws Exception {
        ConsultationScenario scenario = new ConsultationScenario(first, List.of("F", "M", "F", "M", "F", "M"));
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 0));

        scenario.castEachTwiceAtOnce(id, agent -> agent.onPort(second.port()));
    }

    @Test
    @Order(2)
    void erasureOnOneInstanceIsHonouredAtOnceByTheOther() {
        Map<String, Object> member = first.register(registration(first, "Coulibaly"));
        String id = (String) member.get("id");
        assertThat(other.history(id).toString()).as("the other instance reads the key").contains("Coulibaly");

        first.run("erasePersonalData", "input", Map.of("memberId", id, "reason", "Demande de l'intéressée"))
                .data("erasePersonalData");

        assertThat(other.history(id).toString()).doesNotContain("Coulibaly").contains("effacé");
        assertThat(other.member(id)).containsEntry("lastName", "effacé");
    }

    @Test
    @Order(3)
    void bothInstancesReportTheSameProjectionPositionsAndOneHoldsEachSegment() {
        first.awaitProjectionsCaughtUp();
        for (String projection : List.of("member-projection", "org-unit-projection")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> onFirst = first.projection(projection);
                Map<String, Object> onOther = other.projection(projection);
                assertThat(onOther.get("position")).isEqualTo(onFirst.get("position"));
                assertThat(onOther.get("lag")).isEqualTo(0);
                assertThat(onFirst.get("lag")).isEqualTo(0);
            });
        }
    }

    @Test
    @Order(4)
    void censusImportedThroughOneInstanceWhileTheOtherRegistersShowsNoMemberErased() throws IOException {
        Path census = Path.of(System.getProperty("jekafo.test.two-instances.census",
                "src/test/resources/census/census-dirty-500.csv"));
        int erasedBefore = first.count(Map.of("name", "effacé"));
        int totalBefore = first.count(Map.of());
        Instant start = Instant.now();

        String importId = upload(other, census);
        List<Map<String, Object>> registeredMeanwhile = new ArrayList<>();
        CompletableFuture<Map<String, Object>> done = CompletableFuture.supplyAsync(() -> awaitEnd(other, importId));
        while (!done.isDone()) {
            registeredMeanwhile.add(first.register(registration(first, "Diarra")));
        }
        Map<String, Object> result = done.join();
        Duration elapsed = Duration.between(start, Instant.now());

        assertThat(result).containsEntry("state", "DONE");
        int imported = ((Number) result.get("registered")).intValue();
        first.awaitProjectionsCaughtUp();
        int total = first.count(Map.of());
        int erased = first.count(Map.of("name", "effacé"));
        System.out.printf("two instances: %d lines, %d registered by the import and %d meanwhile on the other instance "
                        + "in %.1f s (%.0f lines/s, import searchable at the end); members shown as erased that were not: %d%n",
                ((Number) result.get("linesTotal")).intValue(), imported, registeredMeanwhile.size(),
                elapsed.toMillis() / 1000.0, ((Number) result.get("linesTotal")).intValue() * 1000.0 / elapsed.toMillis(),
                erased - erasedBefore);
        assertThat(erased).as("members shown as erased").isEqualTo(erasedBefore);
        assertThat(total).isEqualTo(totalBefore + imported + registeredMeanwhile.size());
        registeredMeanwhile.forEach(member -> assertThat(member.get("lastName")).asString().startsWith("Diarra"));
    }

    private static String upload(TestApi api, Path census) throws IOException {
        Map<?, ?> accepted = api.web().post().uri("/imports?name=" + census.getFileName())
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(Files.readAllBytes(census)).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(accepted).isNotNull();
        return (String) accepted.get("id");
    }

    private static Map<String, Object> awaitEnd(TestApi api, String id) {
        return await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.runText("query($id: ID!) { censusImport(id: $id) { state linesTotal registered "
                                + "alreadyImported rejected } }", Map.of("id", id)).<Map<String, Object>>data("censusImport"),
                        view -> view != null && List.of("DONE", "FAILED").contains(view.get("state")));
    }
}
