package org.jekafo.app.integrity;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.TestData;
import org.jekafo.command.integrity.IntegrityVerification;
import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ChainRule;
import org.jekafo.integrity.ExportFile;
import org.jekafo.integrity.StoredEvent;
import org.jekafo.integrity.VerifierCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.grpc.event.Event;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Tamper evidence end to end: members registered, one of them erased, chained; the untouched store verifies
 * clean; then the store is tampered with through JDBC in each way an operator with database access could, each
 * detected with its kind at its place, and restored exactly (the store verifies clean again: the context is shared).
 * Only this test's own events are touched.
 *
 * <p>On the {@code axonserver} profile the events are in Axon Server's files, not in a table: the tests that edit
 * {@code DomainEventEntry} are skipped there; the others run, the chain table being in PostgreSQL as elsewhere, and
 * an event's payload is altered in Axon Server's own event file (and put back) for the export and offline verifier.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceTest extends IntegrationTest {

    private static final String VERIFY = """
            query($type: String, $id: ID, $checkpointId: String, $checkpointJson: String) {
              verifyIntegrity(aggregateType: $type, aggregateId: $id, checkpointId: $checkpointId,
                              checkpointJson: $checkpointJson) {
                ok scope findingCount eventsChecked linksChecked unchainedEvents chainHeadSequence durationMs eventsPerSecond
                findings { kind chainSequence globalPosition eventId aggregateId message }
                checkpoint { checkpointId }
              }
            }""";
    private static final String RECORD = """
            mutation { recordIntegrityCheckpoint(input: {}) {
              userErrors { code } checkpoint { checkpointId chainSequence eventCount signedJson publicKey } } }""";
    private static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
            + "metaData, payload, payloadRevision, payloadType, timeStamp";

    @Autowired
    IntegrityVerification integrity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectProvider<AxonServerConnectionManager> axonServer;

    private final boolean onAxonServer = TestAxonServer.profileActive();

    TestApi auditor;
    String erased;
    String kept;
    String other;

    /** One stored row, every column, to put back exactly. */
    record Row(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
               byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timeStamp) {

        /** This row as the chain reads it, with {@code payload} in place of its own. */
        StoredEvent stored(byte[] payload) {
            return new StoredEvent(globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,
                    payloadRevision, timeStamp, payload, metaData);
        }
    }

    @BeforeAll
    void registerThreeMembersEraseOneAndChain() throws Exception {
        TestApi bureau = connect();
        auditor = bureau.as(TestApi.AUDITOR);
        String unit = bureau.unitId("SG-01");
        erased = register(bureau, unit, "Diarra");
        kept = register(bureau, unit, "Coulibaly");
        other = register(bureau, unit, "Keita");
        bureau.run("erasePersonalData", "input", Map.of("memberId", erased, "reason", "Demande de l'intéressée"))
                .data("erasePersonalData.memberId");
        awaitChained(lastIndexOf(erased));
    }

    private static String register(TestApi api, String unit, String lastName) {
        Map<String, Object> member = api.register(TestApi.registration(lastName + TestData.suffix(), "Awa", "F", unit));
        return TestApi.identifierOf(member.get("id"));
    }

    @Test
    void theUntouchedStoreWithAnErasedMemberVerifiesClean() {
        Map<String, Object> report = verify(Map.of());

        assertThat(report.get("ok")).as("findings %s", report.get("findings")).isEqualTo(true);
        assertThat(report.get("scope")).isEqualTo("STORE");
        assertThat(((Number) report.get("eventsChecked")).longValue()).isGreaterThan(10);
        assertThat(verify(Map.of("type", "Member", "id", erased)))
                .containsEntry("ok", true).containsEntry("scope", "AGGREGATE")
                .containsEntry("eventsChecked", storedTypes(erased).size());
        System.out.printf("verifyIntegrity (store): %s events in %s ms, %s events/s%n", report.get("eventsChecked"),
                report.get("durationMs"), report.get("eventsPerSecond"));
    }

    @Test
    void anAlteredPayloadIsFoundAtItsPlace() {
        relationalOnly();
        Row row = rows(kept).get(0);
        byte[] altered = row.payload().clone();
        altered[altered.length / 2] ^= 1;
        try {
            jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", altered, row.globalIndex());

            assertSingleFinding(verify(Map.of()), "ALTERED_PAYLOAD", row);
            assertSingleFinding(verify(Map.of("type", "Member", "id", kept)), "ALTERED_PAYLOAD", row);
        } finally {
            jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", row.payload(), row.globalIndex());
        }
        assertClean();
    }

    @Test
    void alteredMetadataIsFoundAtItsPlace() {
        relationalOnly();
        Row row = rows(kept).get(0);
        byte[] altered = row.metaData().clone();
        altered[altered.length / 2] ^= 1;
        try {
            jdbc.update("update DomainEventEntry set metaData = ? where globalIndex = ?", altered, row.globalIndex());

            assertSingleFinding(verify(Map.of()), "ALTERED_METADATA", row);
        } finally {
            jdbc.update("update DomainEventEntry set metaData = ? where globalIndex = ?", row.metaData(), row.globalIndex());
        }
        assertClean();
    }

    @Test
    void aDeletedEventIsFoundAtItsPlace() {
        relationalOnly();
        Row row = rows(other).get(0);
        try {
            jdbc.update("delete from DomainEventEntry where globalIndex = ?", row.globalIndex());

            assertSingleFinding(verify(Map.of()), "DELETED_EVENT", row);
        } finally {
            insert(row);
        }
        assertClean();
    }

    @Test
    void anEventInsertedWhereTheChainPassedIsFound() throws Exception {
        relationalOnly();
        long gap = burnGlobalIndex();
        String later = register(connect(), connect().unitId("SG-01"), "Traore");
        awaitChained(lastIndexOf(later));
        Row model = rows(later).get(0);
        Row forged = new Row(gap, "forged-" + TestData.suffix(), 0, model.type(), "forged-event-" + TestData.suffix(),
                model.metaData(), model.payload(), model.payloadRevision(), model.payloadType(), model.timeStamp());
        try {
            insert(forged);

            Map<String, Object> report = verify(Map.of());
            assertThat(findings(report)).as("findings").singleElement().satisfies(finding -> {
                assertThat(finding).containsEntry("kind", "INSERTED_EVENT").containsEntry("globalPosition", (int) gap)
                        .containsEntry("eventId", forged.eventIdentifier());
                assertThat((String) finding.get("message")).contains("inséré");
            });
        } finally {
            jdbc.update("delete from DomainEventEntry where globalIndex = ?", gap);
        }
        assertClean();
    }

    @Test
    void twoEventsSwappedInTheStoreAreFoundReordered() {
        relationalOnly();
        Row first = rows(kept).get(0);
        Row second = rows(other).get(0);
        try {
            swap(first.globalIndex(), second.globalIndex());

            Map<String, Object> report = verify(Map.of());
            assertThat(findings(report)).extracting(f -> f.get("kind"), f -> f.get("globalPosition")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("REORDERED_EVENT", (int) first.globalIndex()),
                    org.assertj.core.groups.Tuple.tuple("REORDERED_EVENT", (int) second.globalIndex()));
        } finally {
            swap(first.globalIndex(), second.globalIndex());
        }
        assertClean();
    }

    @Test
    void theLastEventsDeletedAreATruncatedTail() throws Exception {
        relationalOnly();
        String last = register(connect(), connect().unitId("SG-01"), "Sangare");
        long from = rows(last).get(0).globalIndex();
        awaitChained(lastIndexOf(last));
        List<Row> tail = jdbc.query("select " + COLUMNS + " from DomainEventEntry where globalIndex >= ? order by globalIndex",
                (rs, i) -> row(rs), from);
        try {
            jdbc.update("delete from DomainEventEntry where globalIndex >= ?", from);

            Map<String, Object> report = verify(Map.of());
            assertThat(findings(report)).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "TRUNCATED_TAIL").containsEntry("globalPosition", (int) from)
                    .containsEntry("eventId", tail.get(0).eventIdentifier()));
        } finally {
            tail.forEach(this::insert);
        }
        assertClean();
    }

    @Test
    void historyRewrittenWithARecomputedChainIsFoundOnlyAgainstACheckpointTakenBefore() {
        relationalOnly();
        Map<String, Object> checkpoint = auditor.runText(RECORD, Map.of()).data("recordIntegrityCheckpoint.checkpoint");
        Row row = rows(kept).get(0);
        byte[] rewritten = row.payload().clone();
        rewritten[rewritten.length / 2] ^= 1;
        try {
            jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", rewritten, row.globalIndex());
            rewriteChain(row.stored(rewritten));

            assertThat(verify(Map.of())).as("a recomputed chain is consistent with itself").containsEntry("ok", true);
            Map<String, Object> againstRecorded = verify(Map.of("checkpointId", checkpoint.get("checkpointId")));
            assertThat(findings(againstRecorded)).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "CHAIN_MISMATCH").containsEntry("chainSequence", checkpoint.get("chainSequence")));
            Map<String, Object> againstPublished = verify(Map.of("checkpointJson", checkpoint.get("signedJson")));
            assertThat(findings(againstPublished)).extracting(f -> f.get("kind")).containsExactly("CHAIN_MISMATCH");
        } finally {
            jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", row.payload(), row.globalIndex());
            rewriteChain(row.stored(row.payload()));
        }
        assertThat(verify(Map.of("checkpointId", checkpoint.get("checkpointId")))).containsEntry("ok", true);
    }

    @Test
    void aChainRowRewrittenWithEveryLaterHashRecomputedIsFoundAgainstTheStoreAndTheCheckpoint(@TempDir Path folder)
            throws Exception {
        Map<String, Object> checkpoint = auditor.runText(RECORD, Map.of()).data("recordIntegrityCheckpoint.checkpoint");
        Path export = folder.resolve("store.ndjson");
        download("/integrity/export", export);
        StoredEvent event = exported(export, kept).get(0);
        byte[] forged = event.payload().clone();
        forged[forged.length / 2] ^= 1;
        StoredEvent claimed = new StoredEvent(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.aggregateType(), event.payloadType(), event.payloadRevision(),
                event.timestamp(), forged, event.metaData());
        try {
            rewriteChain(claimed);

            Map<String, Object> report = verify(Map.of());
            assertThat(findings(report)).as("the store still holds the event as chained first").singleElement()
                    .satisfies(finding -> assertThat(finding).containsEntry("kind", "ALTERED_PAYLOAD")
                            .containsEntry("globalPosition", (int) event.globalIndex())
                            .containsEntry("eventId", event.eventIdentifier()));
            Map<String, Object> againstPublished = verify(Map.of("checkpointJson", checkpoint.get("signedJson")));
            assertThat(findings(againstPublished)).extracting(f -> f.get("kind"))
                    .containsExactly("ALTERED_PAYLOAD", "CHAIN_MISMATCH");
        } finally {
            rewriteChain(event);
        }
        assertThat(verify(Map.of("checkpointId", checkpoint.get("checkpointId")))).containsEntry("ok", true);
    }

    @Test
    void aCheckpointAlteredAfterSigningIsABadSignature() {
        Map<String, Object> checkpoint = auditor.runText(RECORD, Map.of()).data("recordIntegrityCheckpoint.checkpoint");
        String json = (String) checkpoint.get("signedJson");
        long count = ((Number) checkpoint.get("eventCount")).longValue();
        String forged = json.replace("\"eventCount\":" + count, "\"eventCount\":" + (count + 1));

        assertThat(findings(verify(Map.of("checkpointJson", forged)))).extracting(f -> f.get("kind"))
                .containsExactly("BAD_SIGNATURE");
        assertThat(verify(Map.of("checkpointJson", json))).containsEntry("ok", true);
    }

    @Test
    void checkpointsAreListedNewestFirstAndRecordedInTheHistory() {
        Map<String, Object> taken = auditor.runText(RECORD, Map.of()).data("recordIntegrityCheckpoint.checkpoint");
        List<Map<String, Object>> edges = auditor.runText("{ integrityCheckpoints(first: 1) { totalCount "
                + "edges { node { checkpointId } } } }", Map.of()).data("integrityCheckpoints.edges");
        assertThat(edges).singleElement().satisfies(edge -> assertThat(edge.get("node"))
                .isEqualTo(Map.of("checkpointId", taken.get("checkpointId"))));
        assertThat(storedTypes((String) taken.get("checkpointId"))).containsExactly("IntegrityCheckpoint");
    }

    @Test
    void theServerAndTheOfflineVerifierFindAPayloadAlteredInTheStore(@TempDir Path folder) throws Exception {
        Map<String, Object> checkpoint = auditor.runText(RECORD, Map.of()).data("recordIntegrityCheckpoint.checkpoint");
        Path checkpointFile = folder.resolve("checkpoint.json");
        download("/integrity/checkpoints/" + checkpoint.get("checkpointId"), checkpointFile);
        Path export = folder.resolve("store.ndjson");
        download("/integrity/export", export);

        assertThat(offline(export, checkpointFile, (String) checkpoint.get("publicKey"))).startsWith("0 OK");

        StoredEvent event = exported(export, erased).get(1);
        Runnable restore = onAxonServer ? alterInAxonServerFiles(event.payload()) : alterInTable(event);
        try {
            assertThat(findings(verify(Map.of()))).singleElement().satisfies(finding -> assertThat(finding)
                    .containsEntry("kind", "ALTERED_PAYLOAD").containsEntry("globalPosition", (int) event.globalIndex())
                    .containsEntry("eventId", event.eventIdentifier()));
            assertThat(findings(verify(Map.of("type", "Member", "id", erased)))).extracting(f -> f.get("kind"))
                    .containsExactly("ALTERED_PAYLOAD");
            download("/integrity/export", export);
        } finally {
            restore.run();
        }
        assertThat(offline(export, checkpointFile, (String) checkpoint.get("publicKey"))).startsWith("1 ALTÉRÉ")
                .contains("ALTERED_PAYLOAD").contains("index " + event.globalIndex() + " événement " + event.eventIdentifier());
        assertClean();
        auditor.anonymous().web().get().uri("/integrity/export").exchange().expectStatus().isUnauthorized();
        connect().as(TestApi.SEGOU_OFFICER).web().get().uri("/integrity/export").exchange().expectStatus().isForbidden();
    }

    @Test
    void anAggregateUnknownToTheStoreIsNotFound() {
        TestApi.Answer answer = auditor.runText(VERIFY, vars(Map.of("type", "Member", "id", "inconnu-" + TestData.suffix())));
        assertThat(answer.singleError().getExtensions()).containsEntry("code", "NOT_FOUND");
    }

    // ---- helpers

    private Map<String, Object> verify(Map<String, Object> variables) {
        return auditor.runText(VERIFY, vars(variables)).data("verifyIntegrity");
    }

    private static Map<String, Object> vars(Map<String, Object> given) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : List.of("type", "id", "checkpointId", "checkpointJson")) {
            variables.put(name, given.get(name));
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("findings");
    }

    private static void assertSingleFinding(Map<String, Object> report, String kind, Row row) {
        assertThat(report.get("ok")).isEqualTo(false);
        assertThat(findings(report)).singleElement().satisfies(finding -> assertThat(finding)
                .containsEntry("kind", kind).containsEntry("globalPosition", (int) row.globalIndex())
                .containsEntry("eventId", row.eventIdentifier()).containsEntry("aggregateId", row.aggregateIdentifier()));
    }

    private void assertClean() {
        Map<String, Object> report = verify(Map.of());
        assertThat(report.get("ok")).as("store restored: findings %s", report.get("findings")).isEqualTo(true);
    }

    private void awaitChained(long globalIndex) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            integrity.chainNow();
            return integrity.head().map(ChainLink::globalIndex).orElse(-1L) >= globalIndex;
        });
    }

    private void relationalOnly() {
        assumeFalse(onAxonServer, "Axon Server's events are in its own files, not in a table this test can edit");
    }

    /** The global index of the aggregate's last event; on Axon Server, of the last event stored (its among them). */
    private long lastIndexOf(String aggregateId) throws Exception {
        if (onAxonServer) {
            return events().getLastToken().get();
        }
        return jdbc.queryForObject("select max(globalIndex) from DomainEventEntry where aggregateIdentifier = ?",
                Long.class, aggregateId);
    }

    /** The aggregate type of each stored event of the aggregate, read from the store itself (not from the chain). */
    private List<String> storedTypes(String aggregateId) {
        if (onAxonServer) {
            return events().openAggregateStream(aggregateId, false).asStream().map(Event::getAggregateType).toList();
        }
        return jdbc.queryForList("select type from DomainEventEntry where aggregateIdentifier = ? order by globalIndex",
                String.class, aggregateId);
    }

    private EventChannel events() {
        return axonServer.getObject().getConnection().eventChannel();
    }

    /** The aggregate's events in {@code export}, as the server exported them. */
    private static List<StoredEvent> exported(Path export, String aggregateId) throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        for (Iterator<StoredEvent> all = ExportFile.open(export).events(); all.hasNext(); ) {
            StoredEvent event = all.next();
            if (event.aggregateIdentifier().equals(aggregateId)) {
                events.add(event);
            }
        }
        return events;
    }

    /** Flips one bit of {@code event}'s payload in table DomainEventEntry; answers how to put it back. */
    private Runnable alterInTable(StoredEvent event) {
        byte[] altered = event.payload().clone();
        altered[altered.length / 2] ^= 1;
        jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", altered, event.globalIndex());
        return () -> jdbc.update("update DomainEventEntry set payload = ? where globalIndex = ?", event.payload(),
                event.globalIndex());
    }

    /**
     * Flips one bit of these payload bytes where Axon Server's event files hold them (exactly one place: the bytes
     * are written there as the event's payload data), as an operator with access to its files could; answers how
     * to put it back.
     */
    private static Runnable alterInAxonServerFiles(byte[] payload) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(TestAxonServer.shared().eventStorage())) {
            files = walk.filter(file -> file.toString().endsWith(".events")).toList();
        }
        Path found = null;
        long at = -1;
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = indexOf(bytes, payload, 0); i >= 0; i = indexOf(bytes, payload, i + 1)) {
                assertThat(found).as("the payload is in Axon Server's files once").isNull();
                found = file;
                at = i + payload.length / 2;
            }
        }
        assertThat(found).as("the payload in Axon Server's files %s", files).isNotNull();
        Path file = found;
        long position = at;
        flip(file, position);
        return () -> flip(file, position);
    }

    private static void flip(Path file, long position) {
        try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
            data.seek(position);
            int value = data.read();
            data.seek(position);
            data.write(value ^ 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (bytes[i] == part[0] && Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    private List<Row> rows(String aggregateId) {
        return jdbc.query("select " + COLUMNS + " from DomainEventEntry where aggregateIdentifier = ? order by globalIndex",
                (rs, i) -> row(rs), aggregateId);
    }

    private static Row row(ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6),
                rs.getBytes(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }

    private void insert(Row row) {
        jdbc.update("insert into DomainEventEntry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.type(), row.eventIdentifier(),
                row.metaData(), row.payload(), row.payloadRevision(), row.payloadType(), row.timeStamp());
    }

    /** Exchanges the global indices of two rows (the second place is parked at a negative index meanwhile). */
    private void swap(long one, long two) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("update DomainEventEntry set globalIndex = ? where globalIndex = ?", -one, one);
            jdbc.update("update DomainEventEntry set globalIndex = ? where globalIndex = ?", one, two);
            jdbc.update("update DomainEventEntry set globalIndex = ? where globalIndex = ?", two, -one);
        });
    }

    /** A global index taken by a transaction that rolls back: a gap the chain passes over once it is old enough. */
    private long burnGlobalIndex() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("insert into DomainEventEntry (aggregateIdentifier, "
                    + "sequenceNumber, type, eventIdentifier, payload, payloadType, timeStamp) values (?, 0, 'Member', ?, ?, "
                    + "'X', '2026-01-01T00:00:00Z')", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, "gap-" + TestData.suffix());
                insert.setString(2, "gap-" + TestData.suffix());
                insert.setBytes(3, new byte[]{1});
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * What an attacker with database access does to make the chain say {@code event} was stored as given: its chain
     * row recomputed from it, and every later row's chain hash from the one before.
     */
    private void rewriteChain(StoredEvent event) {
        transactions.executeWithoutResult(status -> {
            long start = jdbc.queryForObject("select chain_sequence from event_chain where global_index = ?", Long.class,
                    event.globalIndex());
            byte[] before = start == 0 ? ChainRule.GENESIS : ChainRule.unhex(jdbc.queryForObject(
                    "select chain_hash from event_chain where chain_sequence = ?", String.class, start - 1));
            ChainLink link = ChainRule.chain(start, before, event);
            jdbc.update("update event_chain set payload_hash = ?, metadata_hash = ?, entry_hash = ?, chain_hash = ? "
                    + "where chain_sequence = ?", ChainRule.hex(link.payloadHash()), ChainRule.hex(link.metaDataHash()),
                    ChainRule.hex(link.entryHash()), ChainRule.hex(link.chainHash()), start);
            byte[][] previous = {link.chainHash()};
            List<Object[]> updates = new ArrayList<>();
            jdbc.query("select chain_sequence, entry_hash from event_chain where chain_sequence > ? order by chain_sequence",
                    rs -> {
                        previous[0] = ChainRule.link(previous[0], ChainRule.unhex(rs.getString(2)));
                        updates.add(new Object[]{ChainRule.hex(previous[0]), rs.getLong(1)});
                    }, start);
            jdbc.batchUpdate("update event_chain set chain_hash = ? where chain_sequence = ?", updates);
        });
    }

    /** Streams what the auditor downloads from {@code path} into {@code file} (the whole store's export is large). */
    private void download(String path, Path file) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestApi.token(TestApi.AUDITOR)).GET().build();
        HttpResponse<Path> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofFile(file));
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    }

    /** Runs the auditor's command line; answers its exit code and what it printed. */
    private static String offline(Path export, Path checkpoint, String publicKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifierCli.run(new String[]{"--export", export.toString(), "--checkpoint", checkpoint.toString(),
                "--public-key", publicKey}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }
}
