package org.jekafo.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A census of 1,000 members imported into a new unit of Tombouctou: everything the import caused followed by its
 * correlation id across aggregates, then exported — the unit's members and the import's audit trail, in CSV and
 * NDJSON, streamed with a checksum that verifies; refused to the roles the gate refuses, with a typed code; masked
 * and journaled for an auditor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportTest extends IntegrationTest {

    private static final int MEMBERS = 1_000;
    private static final String PROGRESS = "query($id: ID!) { censusImport(id: $id) { state registered alreadyImported "
            + "rejected message reportPath } }";
    private static final List<String> FIRST_NAMES = List.of("Awa", "Fatoumata", "Mariam", "Oumou", "Kadiatou");
    private static final ObjectMapper JSON = new ObjectMapper();

    TestApi bureau;
    String unit;
    String correlationId;

    @BeforeAll
    void importAThousandMembersIntoANewUnit() {
        bureau = connect();
        String name = "Atelier" + TestData.suffix();
        unit = bureau.run("createOrgUnit", "input", Map.of("code", TestData.unitCode("TB"), "name", name,
                "level", "LOCAL", "parentId", bureau.unitId("TB"))).data("createOrgUnit.orgUnit.id");
        StringBuilder csv = new StringBuilder("card_number,last_name,first_name,gender,birth_year,phone,region,chapter,"
                + "trade,enrolled_on,disability,national_id\n");
        String family = "Export" + TestData.suffix();
        for (int i = 0; i < MEMBERS; i++) {
            csv.append(TestData.uniqueCardNumber()).append(',').append(family).append(letters(i)).append(',')
                    .append(FIRST_NAMES.get(i % FIRST_NAMES.size())).append(",F,").append(1960 + i % 40)
                    .append(",76").append(String.format("%06d", i)).append(",Tombouctou,").append(name)
                    .append(",TISSAGE,2020-01-01,non,\n");
        }
        Map<?, ?> accepted = bureau.web().post().uri("/imports?name=audit-export.csv")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(csv.toString().getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        String importId = (String) accepted.get("id");
        Map<String, Object> done = await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                .until(() -> bureau.runText(PROGRESS, Map.of("id", importId)).<Map<String, Object>>data("censusImport"),
                        view -> view != null && List.of("DONE", "FAILED").contains(view.get("state")));
        assertThat(done).as(() -> "import " + done + ", its report: " + report(done)).containsEntry("state", "DONE")
                .containsEntry("registered", MEMBERS);
        Map<String, Object> registrations = Map.of("orgUnit", unit, "eventNames", List.of("MemberRegisteredEvent"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                AuditTrailTest.page(bureau, registrations, Map.of("first", 1)).get("totalCount"), total -> total
                .equals(MEMBERS));
        correlationId = (String) AuditTrailTest.nodes(AuditTrailTest.page(bureau, registrations, Map.of("first", 1)))
                .get(0).get("correlationId");
    }

    @Test
    void theCorrelationIdFollowsEverythingTheImportCausedAcrossAggregatesInPositionOrder() {
        List<Map<String, Object>> caused = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new java.util.HashMap<>(Map.of("correlationId", correlationId, "first", 400));
            if (after != null) {
                variables.put("after", after);
            }
            Map<String, Object> page = bureau.run("correlationTrail", variables).data("correlationTrail");
            caused.addAll(AuditTrailTest.nodes(page));
            Map<?, ?> info = (Map<?, ?>) page.get("pageInfo");
            more = (Boolean) info.get("hasNextPage");
            after = (String) info.get("endCursor");
        }

        assertThat(caused).allSatisfy(e -> assertThat(e).containsEntry("correlationId", correlationId)
                .containsEntry("channel", "IMPORT"));
        // the bureau sent the file (its start and end), the server registered its lines
        assertThat(caused).filteredOn(e -> !e.get("aggregateType").equals("Member"))
                .extracting(e -> e.get("aggregateType"), e -> e.get("eventName"), e -> e.get("principal"))
                .containsExactly(tuple("CensusFileImport", "CensusImportStartedEvent", "bureau-test"),
                        tuple("CensusFileImport", "CensusImportCompletedEvent", "bureau-test"));
        assertThat(caused).extracting(e -> (Integer) e.get("position")).isSorted().doesNotHaveDuplicates();
        assertThat(caused.stream().filter(e -> e.get("eventName").equals("MemberRegisteredEvent"))).hasSize(MEMBERS);
        assertThat(caused).hasSize(MEMBERS + 2);
    }

    @Test
    void aThousandMembersExportAsCsvStreamedWithAChecksumThatVerifies() throws Exception {
        HttpResponse<byte[]> response = get(TestApi.BUREAU, "/exports/members.csv?orgUnit=" + encode(unit));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
        List<String> lines = verifiedLines(response.body(), "#sha256=", ";rows=" + MEMBERS);
        assertThat(lines.get(0)).isEqualTo("id,cardNumber,lastName,firstName,gender,birthYear,phone,nationalId,trades,"
                + "localUnitId,regionId,disability,enrolledOn,status,statusReason,registeredAt,updatedAt,"
                + "personalDataErased");
        assertThat(lines).hasSize(1 + MEMBERS);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",+22376", ",TISSAGE,",
                ",ACTIVE,"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImportsAuditTrailExportsAsNdjsonWithAChecksumThatVerifies() throws Exception {
        HttpResponse<byte[]> response = get(TestApi.AUDITOR, "/exports/audit.ndjson?eventName=MemberRegisteredEvent"
                + "&correlationId=" + encode(correlationId));

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = verifiedLines(response.body(), "{\"sha256\":\"", "\",\"rows\":" + MEMBERS + "}");
        assertThat(lines).hasSize(MEMBERS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readValue(line, Map.class));
        }
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("correlationId", correlationId)
                .containsEntry("eventName", "MemberRegisteredEvent").containsEntry("channel", "IMPORT"));
        assertThat(events).extracting(e -> ((Number) e.get("position")).longValue()).isSorted();
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("Export").doesNotContain("+22376");
    }

    @Test
    void anAuditorsMemberExportIsMaskedAndJournaled() throws Exception {
        HttpResponse<byte[]> response = get(TestApi.AUDITOR, "/exports/members.ndjson?status=ACTIVE&orgUnit="
                + encode(unit));

        List<String> lines = verifiedLines(response.body(), "{\"sha256\":\"", "\",\"rows\":" + MEMBERS + "}");
        Map<?, ?> first = JSON.readValue(lines.get(0), Map.class);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains("\"phone\":\"+22376••••").doesNotContain("76000"));
        List<Map<String, Object>> accesses = bureau.runText("query($id: ID) { personalDataAccesses(memberId: $id, "
                + "first: 10) { edges { node { principal operation unmasked } } } }", Map.of("id", first.get("id")))
                .data("personalDataAccesses.edges");
        assertThat(accesses).extracting(edge -> edge.get("node")).contains(
                Map.of("principal", "auditrice-test", "operation", "exportMembers", "unmasked", false));
    }

    @Test
    void aRoleTheGateRefusesGetsA403WithATypedCodeAndNoRows() throws Exception {
        assertRefused(get(TestApi.SEGOU_AGENT, "/exports/audit.csv"), 403, AccessRefusedException.FORBIDDEN);
        assertRefused(get(TestApi.OPERATOR, "/exports/audit.ndjson"), 403, AccessRefusedException.FORBIDDEN);
        ActingPrincipal member = new ActingPrincipal("membre-export", Role.MEMBER, null, "inconnu");
        assertRefused(get(member, "/exports/members.csv?orgUnit=" + encode(unit)), 403,
                AccessRefusedException.FORBIDDEN);
        assertRefused(get(TestApi.SEGOU_OFFICER, "/exports/members.csv?orgUnit=" + encode(unit)), 403,
                AccessRefusedException.FORBIDDEN);
        assertRefused(get(TestApi.SEGOU_OFFICER, "/exports/audit.csv?orgUnit=" + encode(unit)), 403,
                AccessRefusedException.FORBIDDEN);
    }

    @Test
    void invalidCriteriaGetA400WithATypedCode() throws Exception {
        assertRefused(get(TestApi.AUDITOR, "/exports/audit.csv?from=hier"), 400, "INVALID_INPUT");
        assertRefused(get(TestApi.AUDITOR, "/exports/audit.xml"), 400, "INVALID_INPUT");
        assertRefused(get(TestApi.AUDITOR, "/exports/members.csv?status=PARTI"), 400, "INVALID_INPUT");
    }

    /**
     * Five questions an auditor typically asks, answered right; the time each takes is printed (a figure, not a
     * gate): one member's history, an import's registrations, a unit's subtree last month, who did what by role and
     * channel, free text.
     */
    @Test
    void typicalAuditorQuestionsAreAnsweredAndTheirLatencyPrinted() {
        TestApi auditor = bureau.as(TestApi.AUDITOR);
        String someone = (String) AuditTrailTest.nodes(AuditTrailTest.page(auditor, Map.of("orgUnit", unit), Map.of(
                "first", 1))).get(0).get("aggregateId");
        Map<String, Map<String, Object>> questions = Map.of(
                "un membre", Map.of("aggregateId", someone),
                "un import", Map.of("correlationId", correlationId, "eventNames", List.of("MemberRegisteredEvent")),
                "une région ce mois-ci", Map.of("orgUnit", bureau.unitId("TB"), "from",
                        java.time.Instant.now().minus(Duration.ofDays(30)).toString()),
                "rôle et canal", Map.of("role", "SYSTEM", "channel", "IMPORT"),
                "texte libre", Map.of("text", "membre inscrit tissage"));
        questions.forEach((question, filter) -> {
            assertThat((Integer) AuditTrailTest.page(auditor, filter, Map.of("first", 20)).get("totalCount"))
                    .as(question).isPositive();
            long[] nanos = new long[40];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                AuditTrailTest.page(auditor, filter, Map.of("first", 20));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("audit query « %s »: p50 %.1f ms, p99 %.1f ms (40 GraphQL requests, page of 20)%n",
                    question, nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        });
    }

    @Test
    void rebuildingTheAuditIndexAfterTheImportGivesTheSameTrail() {
        Map<String, Object> registrations = Map.of("correlationId", correlationId);
        List<Map<String, Object>> before = AuditTrailTest.nodes(AuditTrailTest.page(bureau, registrations,
                Map.of("first", 200)));
        long events = bureau.eventStoreHead();
        long started = System.nanoTime();

        bureau.as(TestApi.OPERATOR).run("rebuildProjection", "input", Map.of("name", "audit-projection",
                "awaitCompletion", true)).data("rebuildProjection.projection");

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("audit index rebuilt: %d events in %.2f s, %.0f events/s%n", events, seconds,
                events / seconds);
        assertThat(AuditTrailTest.nodes(AuditTrailTest.page(bureau, registrations, Map.of("first", 200))))
                .isEqualTo(before);
    }

    // --- helpers ---

    /**
     * The body's lines before its trailer, once the trailer's SHA-256 is checked against every byte before it: the
     * trailer is the last line, {@code prefix + hex + suffix}.
     */
    private static List<String> verifiedLines(byte[] body, String prefix, String suffix)
            throws NoSuchAlgorithmException {
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        int trailerStart = text.lastIndexOf('\n', text.length() - 2) + 1;
        String trailer = text.substring(trailerStart, text.length() - 1);
        int bodyBytes = text.substring(0, trailerStart).getBytes(StandardCharsets.UTF_8).length;
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Arrays.copyOf(body, bodyBytes)));
        assertThat(trailer).isEqualTo(prefix + digest + suffix);
        return text.substring(0, trailerStart).lines().toList();
    }

    private HttpResponse<byte[]> get(ActingPrincipal principal, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestApi.token(principal)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @SuppressWarnings("unchecked")
    private static void assertRefused(HttpResponse<byte[]> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        assertThat(body).containsEntry("code", code);
        assertThat((String) body.get("message")).isNotBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Three letters for a number: distinct last names, so that no line looks like a duplicate of another. */
    /** The import's report of rejected lines, to say in a failure which line was refused and why. */
    private String report(Map<String, Object> view) {
        Object path = view.get("reportPath");
        if (path == null) {
            return "none";
        }
        return bureau.web().get().uri(path.toString()).exchange().expectBody(String.class).returnResult()
                .getResponseBody();
    }

    private static String letters(int i) {
        return "" + (char) ('a' + i / 676 % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
    }
}
