package org.jekafo.app.census;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jekafo.api.census.CensusImportCompletedEvent;
import org.jekafo.api.census.CensusImportStartedEvent;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.LiveConnection;
import org.jekafo.app.TestApi;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Imports as a server operation: the dirty census of 500 lines sent over HTTP by the executive bureau, followed
 * through GraphQL until DONE, its report downloaded, who sent which file recorded as events; other roles
 * refused; progress followed by subscription (SSE); the command line's client sending a file to this server.
 *
 * <p>Runs right after {@link CensusImportTest} (whose file it is): its lines are then already imported, and
 * counted as such; run alone, it registers them. Either way 458 lines are accounted for and 42 rejected.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportServerTest extends IntegrationTest {

    private static final int LINES = 500;
    private static final int ACCEPTED = 458;
    private static final String PROGRESS = "query($id: ID!) { censusImport(id: $id) { id state linesDone linesTotal "
            + "registered alreadyImported rejected linesPerSecond searchable message reportPath fileName sha256 "
            + "importedBy role } }";

    @Autowired
    EventStore eventStore;

    private static final String FOLLOWED = "subscription($id: ID!) { censusImportProgress(id: $id) { state linesDone } }";

    TestApi bureau;
    byte[] census;
    long membersBefore;
    String importId;
    Map<String, Object> done;
    long membersWhenDone;

    @BeforeAll
    void sendTheCensusToTheServer() throws IOException {
        bureau = connect();
        try (InputStream in = new ClassPathResource(CensusImportTest.CENSUS).getInputStream()) {
            census = in.readAllBytes();
        }
        membersBefore = totalMembers();

        importId = upload(bureau, census);
        done = awaitEnd(importId);
        membersWhenDone = totalMembers();
    }

    @Test
    void importEndsDoneWithEveryLineAccountedFor() {
        assertThat(done).containsEntry("state", "DONE").containsEntry("linesDone", LINES)
                .containsEntry("linesTotal", LINES).containsEntry("rejected", LINES - ACCEPTED)
                .containsEntry("fileName", "census-dirty-500.csv").containsEntry("importedBy", "bureau-test")
                .containsEntry("role", "EXECUTIVE_BUREAU").containsEntry("searchable", true);
        assertThat((int) done.get("registered") + (int) done.get("alreadyImported")).isEqualTo(ACCEPTED);
    }

    @Test
    void everyRegisteredMemberIsSearchableWhenTheImportSaysDone() {
        assertThat(membersWhenDone).isEqualTo(membersBefore + (int) done.get("registered"));
    }

    @Test
    void downloadedReportListsExactlyTheDefectiveLinesWithTheirCodes() throws IOException {
        String report = bureau.web().get().uri((String) done.get("reportPath")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(reportCodes(report)).isEqualTo(CensusImportTest.expectedRejections());
    }

    @Test
    void startAndCompletionAreEventsSayingWhoSentWhichFile() throws Exception {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(importId).asStream().toList();

        assertThat(events).hasSize(2);
        assertThat(events.get(0).getPayload()).isEqualTo(new CensusImportStartedEvent(importId, "census-dirty-500.csv",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(census)), census.length));
        assertThat(events.get(0).getMetaData()).containsEntry("principal", "bureau-test")
                .containsEntry("role", "EXECUTIVE_BUREAU").containsEntry("channel", "IMPORT");
        assertThat(events.get(1).getPayload()).isEqualTo(new CensusImportCompletedEvent(importId, LINES,
                (int) done.get("registered"), (int) done.get("alreadyImported"), LINES - ACCEPTED));
        assertThat(done.get("sha256")).isEqualTo(((CensusImportStartedEvent) events.get(0).getPayload()).sha256());
    }

    @Test
    void aFieldAgentCannotImportAndNothingIsRecorded() {
        assertImportRefused(TestApi.SEGOU_AGENT);
    }

    @Test
    void anAdministratorCannotImportAndNothingIsRecorded() {
        assertImportRefused(TestApi.OPERATOR);
    }

    @Test
    void anAuditorCannotDownloadTheReport() {
        bureau.as(TestApi.AUDITOR).web().get().uri((String) done.get("reportPath")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN").jsonPath("$.message").isNotEmpty();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAndNothingIsRecorded() {
        long head = bureau.eventStoreHead();

        bureau.web().post().uri("/imports?name=trop-grand.csv").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[2 * 1024 * 1024 + 1]).exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectBody().jsonPath("$.code").isEqualTo("FILE_TOO_LARGE");
        assertThat(bureau.eventStoreHead()).isEqualTo(head);
    }

    @Test
    void subscriptionFollowsAnImportUntilDone() throws IOException {
        String id = upload(bureau, census);

        List<ClientGraphQlResponse> items = subscriber(TestApi.BUREAU)
                .document("subscription($id: ID!) { censusImportProgress(id: $id) { state linesDone } }")
                .variable("id", id).executeSubscription().collectList().block(Duration.ofSeconds(120));

        assertThat(items).isNotEmpty().allSatisfy(item -> assertThat(item.getErrors()).isEmpty());
        String last = items.get(items.size() - 1).field("censusImportProgress.state").getValue();
        assertThat(last).isEqualTo("DONE");
    }

    @Test
    void progressArrivesOverAWebSocketUntilTheImportEnds() throws IOException {
        String id = upload(bureau, census);

        List<Map<String, Object>> steps;
        try (LiveConnection auditor = bureau.as(TestApi.AUDITOR).live()) {
            steps = auditor.subscribe(FOLLOWED, Map.of("id", id)).untilComplete("censusImportProgress");
        }

        assertThat(steps).isNotEmpty().doesNotHaveDuplicates();
        assertThat(steps.get(steps.size() - 1)).containsEntry("state", "DONE").containsEntry("linesDone", LINES);
        assertThat(steps.subList(0, steps.size() - 1)).noneMatch(step -> step.get("state").equals("DONE"));
    }

    @Test
    void anEndedImportsProgressIsItsEndAtOnce() {
        try (LiveConnection auditor = bureau.as(TestApi.AUDITOR).live()) {
            List<Map<String, Object>> steps = auditor.subscribe(FOLLOWED, Map.of("id", importId))
                    .untilComplete("censusImportProgress");

            assertThat(steps).singleElement().satisfies(step -> assertThat(step).containsEntry("state", "DONE"));
        }
    }

    @Test
    void subscriptionIsRefusedToAFieldAgent() {
        ClientGraphQlResponse first = subscriber(TestApi.SEGOU_AGENT)
                .document("subscription($id: ID!) { censusImportProgress(id: $id) { state } }")
                .variable("id", importId).executeSubscription().blockFirst(Duration.ofSeconds(30));

        assertThat(first).isNotNull();
        assertThat(first.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN"));
    }

    @Test
    void commandLineClientImportsThroughTheServerAndDownloadsTheReport() throws IOException {
        Path folder = Files.createTempDirectory("import-client-");
        Path file = Files.write(folder.resolve("census-dirty-500.csv"), census);
        Path report = folder.resolve("rejets.csv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = ImportClient.run(new String[]{file.toString(), report.toString()}, Map.of("JEKAFO_URL",
                "http://localhost:" + port, "JEKAFO_TOKEN", TestApi.token(TestApi.BUREAU)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isEqualTo(ImportClient.DONE);
        assertThat(reportCodes(Files.readString(report))).isEqualTo(CensusImportTest.expectedRejections());
        assertThat(output).contains("terminé").contains("500 lignes").contains("42 rejetés")
                .contains("Tous les membres importés sont consultables.").doesNotContain("Exception");
    }

    @Test
    void commandLineClientSaysWhenNoServerAnswers() {
        int status = ImportClient.run(new String[]{"census.csv"}, Map.of("JEKAFO_URL", "http://localhost:1"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ImportClient.NO_SERVER);
    }

    // --- helpers ---

    private void assertImportRefused(ActingPrincipal principal) {
        long head = bureau.eventStoreHead();
        int imports = bureau.run("censusImportsList", Map.of()).<List<?>>data("censusImports").size();

        bureau.as(principal).web().post().uri("/imports?name=census.csv").contentType(MediaType.TEXT_PLAIN)
                .bodyValue(census).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN").jsonPath("$.message").isNotEmpty();

        assertThat(bureau.eventStoreHead()).as("event store head").isEqualTo(head);
        List<?> after = bureau.run("censusImportsList", Map.of()).data("censusImports");
        assertThat(after).hasSize(imports);
    }

    private static String upload(TestApi api, byte[] file) {
        Map<?, ?> accepted = api.web().post().uri("/imports?name=census-dirty-500.csv")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(file).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(accepted).isNotNull();
        return (String) accepted.get("id");
    }

    private Map<String, Object> awaitEnd(String id) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
                .until(() -> bureau.runText(PROGRESS, Map.of("id", id)).<Map<String, Object>>data("censusImport"),
                        view -> view != null && List.of("DONE", "FAILED").contains(view.get("state")));
    }

    private HttpGraphQlClient subscriber(ActingPrincipal principal) {
        return HttpGraphQlClient.builder(WebClient.builder().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestApi.token(principal))).build();
    }

    /** Line number → code, from a report's rows. */
    private static Map<Integer, String> reportCodes(String report) {
        List<String> rows = report.lines().toList();
        assertThat(rows.get(0)).isEqualTo("line,card_number,code,field,message");
        Map<Integer, String> codes = new TreeMap<>();
        rows.stream().skip(1).map(row -> row.split(",", 4))
                .forEach(cells -> assertThat(codes.put(Integer.parseInt(cells[0]), cells[2])).isNull());
        return codes;
    }

    private long totalMembers() {
        return ((Number) bureau.memberCounts(null).get("total")).longValue();
    }
}
