package org.jekafo.app.platform.faults;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.ResponseError;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults of the Elasticsearch this JVM's tests share ({@link LocalElasticsearch#shared()}), injected into its real
 * server process: paused (SIGSTOP), resumed (SIGCONT), killed (SIGKILL). Each test leaves it running and healthy
 * (resumed in a {@code finally}, restarted by its owner), and the class runs after every other one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class ElasticsearchFaultsTest extends IntegrationTest {

    private static final Duration MARGIN = Duration.ofSeconds(2);
    private static final String REGISTER = """
            mutation register($input: RegisterMemberInput!) {
              registerMember(input: $input) { memberId member { id } }
            }""";

    @Value("${jekafo.read-your-writes-timeout}")
    Duration readYourWritesTimeout;

    @Value("${jekafo.elasticsearch.request-timeout}")
    Duration requestTimeout;

    TestApi api;
    TestApi operator;
    String unit;

    @BeforeAll
    void connectWhileElasticsearchAnswers() {
        assumeThat(LocalElasticsearch.shared().serverProcess()).as("an Elasticsearch this JVM runs").isPresent();
        api = connect();
        operator = api.as(TestApi.OPERATOR);
        unit = api.unitId("KY-03");
    }

    @Test
    void mutationIsStoredAndAnswersWithinTheReadYourWritesTimeoutWhileElasticsearchIsPaused() {
        ElasticsearchServer server = ElasticsearchServer.shared();
        long headBefore = api.eventStoreHead();
        server.pause();
        try {
            long started = System.nanoTime();
            Map<String, Object> payload = register("Pausée");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("[faults] mutation while Elasticsearch is paused answered in %d ms%n", took.toMillis());
            assertThat(took).isLessThan(readYourWritesTimeout.plus(MARGIN));
            assertThat(payload.get("memberId")).isNotNull();
            assertThat(payload.get("member")).as("not visible yet: the index cannot be read").isNull();
            assertThat(api.eventStoreHead()).as("the command is stored").isGreaterThan(headBefore);
        } finally {
            server.resume();
        }
    }

    @Test
    void searchWhileElasticsearchIsPausedIsRefusedAsUnavailableWithinTheRequestTimeout() {
        ElasticsearchServer server = ElasticsearchServer.shared();
        server.pause();
        try {
            long started = System.nanoTime();
            ResponseError error = api.run("members", Map.of("filter", Map.of("name", "Traoré"), "first", 10))
                    .singleError();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.out.printf("[faults] search while Elasticsearch is paused refused in %d ms%n", took.toMillis());
            assertThat(took).isLessThan(requestTimeout.plus(MARGIN));
            assertThat(error.getExtensions()).containsEntry("code", "SERVICE_UNAVAILABLE");
        } finally {
            server.resume();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthAnswersWithinASecondShowingElasticsearchDownAndEachProjectionsLagWhileItIsPaused() {
        ElasticsearchServer server = ElasticsearchServer.shared();
        server.pause();
        try {
            register("Attente");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                long started = System.nanoTime();
                Map<String, Object> health = health();
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(took).isLessThan(Duration.ofSeconds(1));
                Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
                assertThat(components.get("elasticsearch").get("status")).isIn("DOWN", "UNKNOWN");
                Map<String, Object> members = (Map<String, Object>) ((Map<String, Object>) components.get("projections")
                        .get("details")).get("member-projection");
                assertThat(members.get("position")).isNotNull();
                assertThat(((Number) members.get("lag")).longValue()).isPositive();
                System.out.printf("[faults] health while Elasticsearch is paused answered in %d ms: %s%n",
                        took.toMillis(), members);
            });
        } finally {
            server.resume();
        }
    }

    @Test
    void memberRegisteredWhileElasticsearchWasPausedIsSearchableSecondsAfterItResumes() {
        ElasticsearchServer server = ElasticsearchServer.shared();
        String memberId;
        server.pause();
        try {
            memberId = (String) register("Reprise").get("memberId");
            // the projection's batch fails once the client's socket timeout has passed; Axon then releases the
            // segment and backs off before it claims it again
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> heldSegments("member-projection") == 0);
        } finally {
            server.resume();
        }
        long resumed = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.member(memberId) != null);

        System.out.printf("[faults] searchable %d ms after Elasticsearch resumed%n",
                Duration.ofNanos(System.nanoTime() - resumed).toMillis());
    }

    /** A previous test may have left Elasticsearch starting again: wait until the probe sees it answer. */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void awaitElasticsearchAnswering() {
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "UP".equals(((Map<String, Map<String, Object>>) health().get("components")).get("elasticsearch")
                        .get("status")));
    }

    @Test
    @Order(Integer.MAX_VALUE) // it leaves Elasticsearch restarted, as new, for nothing after it
    void killedElasticsearchIsStartedAgainAndQueriesWorkAgain() {
        LocalElasticsearch elasticsearch = LocalElasticsearch.shared();
        int restartsBefore = elasticsearch.restarts();
        ElasticsearchServer.shared().kill();
        long killed = System.nanoTime();

        // a start took over two minutes on a busy machine
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> elasticsearch.restarts() > restartsBefore);
        String memberId = (String) register("Relancée").get("memberId");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.member(memberId) != null);

        System.out.printf("[faults] Elasticsearch killed: restarted and the next member searchable after %d ms%n",
                Duration.ofNanos(System.nanoTime() - killed).toMillis());
    }

    private Map<String, Object> register(String firstName) {
        return api.runText(REGISTER, Map.of("input", TestApi.registration("Panne" + TestData.suffix(), firstName, "F",
                unit))).data("registerMember");
    }

    @SuppressWarnings("unchecked")
    private int heldSegments(String projection) {
        Map<String, Object> components = (Map<String, Object>) health().get("components");
        Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) components.get("projections"))
                .get("details");
        return ((Number) ((Map<String, Object>) details.get(projection)).get("heldSegments")).intValue();
    }

    private Map<String, Object> health() {
        return operator.web().get().uri("/actuator/health").exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }
}
