package org.jekafo.app.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestAxonServer;
import org.jekafo.query.consultation.BallotIndex;
import org.jekafo.app.TestApi;
import org.jekafo.ballot.AnswerRule;
import org.jekafo.ballot.BallotForm;
import org.jekafo.ballot.DecryptedTally;
import org.jekafo.ballot.ElectionPublicKey;
import org.jekafo.ballot.EncryptedBallot;
import org.jekafo.ballot.ProvenDecryption;
import org.jekafo.ballot.QuestionForm;
import org.jekafo.ballot.Recount;
import org.jekafo.ballot.RecountReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.consultation.ConsultationScenario.ballot;
import static org.jekafo.app.consultation.ConsultationScenario.choose;
import static org.jekafo.app.consultation.ConsultationScenario.write;

/**
 * A secret consultation end to end: encrypted ballots with receipts, only turnout while open, a tally decrypted from
 * the sums with proofs, small groups suppressed with their complement, a recount from the published record alone
 * that gives the same figures, and after the tally nothing anywhere — event store, metadata, tables, indices, logs —
 * that links a member to a choice, the private key destroyed.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretConsultationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    @SuppressWarnings("unchecked")
    void aSecretConsultationIsCountedProvablyAndLeavesNoLinkFromMemberToChoice(CapturedOutput output) {
        ConsultationScenario scenario = new ConsultationScenario(connect(),
                List.of("F", "F", "F", "F", "F", "F", "M", "M", "M", "M", "F"));
        TestApi bureau = scenario.bureau;
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "SECRET", 0));
        Map<String, Object> opened = scenario.consultation(id);
        assertThat(opened.get("publicKey")).asString().isNotBlank();

        // ten voters: Q1 A six times (the women), B four times (the men); Q2 yes for the first three
        List<String> m = scenario.members;
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Map<String, Object>> answers = new ArrayList<>(List.of(choose("Q1", i < 6 ? "Q1-A" : "Q1-B")));
            if (i < 3) {
                answers.add(choose("Q2", "YES"));
            }
            if (i == 0) {
                answers.add(write("Q3", "Un hangar pour les teinturières"));
            }
            TestApi voter = i % 2 == 0 ? scenario.member(i) : scenario.agent();
            String receipt = scenario.cast(voter, ballot(id, m.get(i), answers)).data("castBallot.receipt");
            assertThat(receipt).matches("\\d{4}-\\d{4}-\\d{2}");
            receipts.add(receipt);
        }
        assertThat(scenario.cast(scenario.member(0), ballot(id, m.get(0), List.of(choose("Q1", "Q1-B"))))
                .singleError().getExtensions().get("code")).isEqualTo("ALREADY_VOTED");

        // while open: turnout only
        Map<String, Object> live = await().atMost(Duration.ofSeconds(30)).until(
                () -> (Map<String, Object>) scenario.consultation(id).get("turnout"),
                turnout -> Integer.valueOf(10).equals(turnout.get("voterCount")));
        assertThat((List<?>) live.get("liveCounts")).isEmpty();
        String check = "query($id: ID!, $receipt: String!) { checkBallotReceipt(consultationId: $id, receipt: $receipt) "
                + "{ counted ballotId } }";
        assertThat(bureau.runText(check, Map.of("id", id, "receipt", receipts.get(3).replace("-", " ")))
                .<Boolean>data("checkBallotReceipt.counted")).isTrue();
        assertThat(bureau.runText(check, Map.of("id", id, "receipt", "0000-0000-01"))
                .<Boolean>data("checkBallotReceipt.counted")).isFalse();

        bureau.runText(ConsultationScenario.CLOSE, Map.of("input", Map.of("consultationId", id,
                "reason", "Tous ont voté"))).data("closeConsultation");
        Map<String, Object> tallied = scenario.awaitStatus(id, "TALLIED");
        Map<String, Object> result = (Map<String, Object>) tallied.get("result");
        assertThat(result).containsEntry("outcome", "RESULTS").containsEntry("voterCount", 10);
        List<Map<String, Object>> questions = (List<Map<String, Object>>) result.get("questions");
        List<Map<String, Object>> q1 = (List<Map<String, Object>>) questions.get(0).get("options");
        assertThat(q1).extracting(o -> o.get("optionId") + "=" + o.get("count"))
                .containsExactly("Q1-A=6", "Q1-B=4", "Q1-C=0");
        assertThat(((Map<String, Object>) questions.get(1).get("blank")).get("count")).isEqualTo(7);
        // four men: fewer than five, hidden; the women hidden too, or ten minus them would reveal the men
        assertThat((List<Map<String, Object>>) result.get("voterGroups"))
                .filteredOn(g -> "GENDER".equals(g.get("dimension")))
                .allSatisfy(g -> assertThat(g.get("count")).isNull());
        assertThat((List<Map<String, Object>>) q1.get(0).get("groups"))
                .filteredOn(g -> "GENDER".equals(g.get("dimension")))
                .allSatisfy(g -> assertThat(g.get("count")).isNull());
        assertThat((List<Map<String, Object>>) q1.get(0).get("groups"))
                .contains(Map.of("dimension", "AGE_BAND", "group", "35-49", "count", 6));

        assertThat(recount(bureau, id, opened, tallied)).as("the recount from the published record").isEqualTo(
                List.of(List.of(6, 4, 0), List.of(3, 0, 0)));
        assertNoLinkFromMemberToChoice(id, m, receipts, output);
    }

    /**
     * What an outside auditor does: reads the public key, the published ballots and the published decryptions,
     * verifies every ballot's proofs, adds the ballots up and checks each decryption's proof against the sum.
     */
    @SuppressWarnings("unchecked")
    private static List<List<Integer>> recount(TestApi api, String id, Map<String, Object> opened,
                                               Map<String, Object> tallied) {
        ElectionPublicKey key = ElectionPublicKey.decode((String) opened.get("publicKey"));
        List<Map<String, Object>> questions = ((List<Map<String, Object>>) tallied.get("questions")).stream()
                .filter(q -> !"FREE_TEXT".equals(q.get("kind"))).toList();
        String consultationId = TestApi.identifierOf(id);
        BallotForm form = new BallotForm(consultationId, questions.stream().map(q -> new QuestionForm(
                (String) q.get("questionId"), AnswerRule.multipleChoice(((List<?>) q.get("options")).size(), 0,
                Math.max(1, ((Number) q.get("maxChoices")).intValue())))).toList());
        List<EncryptedBallot> ballots = new ArrayList<>();
        String after = null;
        String page = "query($id: ID!, $after: String) { publishedBallots(consultationId: $id, first: 3, after: $after) "
                + "{ totalCount pageInfo { hasNextPage endCursor } nodes { ballotId receipt ballot } } }";
        do {
            Map<String, Object> published = api.runText(page, after == null ? Map.of("id", id)
                    : Map.of("id", id, "after", after)).data("publishedBallots");
            ((List<Map<String, Object>>) published.get("nodes")).forEach(b ->
                    ballots.add(EncryptedBallot.decode((String) b.get("ballot"))));
            Map<String, Object> info = (Map<String, Object>) published.get("pageInfo");
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        } while (after != null);
        List<Map<String, Object>> results = (List<Map<String, Object>>) ((Map<String, Object>) tallied.get("result"))
                .get("questions");
        List<List<ProvenDecryption>> decryptions = results.stream().map(q -> ((List<Map<String, Object>>) q.get("options"))
                .stream().map(o -> ProvenDecryption.decode((String) o.get("proof"))).toList()).toList();
        RecountReport report = Recount.run(key, form, ballots, new DecryptedTally(ballots.size(), decryptions));
        assertThat(report.confirmed()).as(report.describe()).isTrue();
        return report.counts();
    }

    /** After the tally: the event store, the tables, the indices and the logs hold no member–choice link. */
    private void assertNoLinkFromMemberToChoice(String consultationId, List<String> members, List<String> receipts,
                                                CapturedOutput output) {
        String id = TestApi.identifierOf(consultationId);
        List<String> memberIds = members.stream().map(TestApi::identifierOf).toList();
        assertThat(jdbc.queryForObject("select count(*) from consultation_key where consultation_id = ? "
                + "and secret is null and destroyed_at is not null", Integer.class, id))
                .as("the private key is destroyed").isEqualTo(1);
        List<Map<String, Object>> events = storedEvents(Set.of("SecretBallotDepositedEvent", "ParticipationRecordedEvent"));
        List<String> ballots = events.stream().filter(e -> "SecretBallotDepositedEvent".equals(e.get("payloadType")))
                .map(SecretConsultationTest::text).filter(t -> t.contains(id)).toList();
        assertThat(ballots).hasSize(10).allSatisfy(stored -> {
            memberIds.forEach(member -> assertThat(stored).doesNotContain(member));
            assertThat(stored).doesNotContain("principal", "correlationId", "membre-", "agent-");
        });
        events.stream().filter(e -> "ParticipationRecordedEvent".equals(e.get("payloadType")))
                .map(SecretConsultationTest::text).filter(t -> t.contains(id)).forEach(stored -> {
                    assertThat(stored).doesNotContain("Q1-A", "Q1-B", "YES");
                    receipts.forEach(receipt -> assertThat(stored).doesNotContain(receipt));
                });
        assertThat(jdbc.queryForList("select choices from consultation_ballot where consultation_id = ?", String.class, id))
                .as("the box holds encryptions, never choices").hasSize(10)
                .allSatisfy(choices -> assertThat(EncryptedBallot.decode(choices).answers()).hasSize(2));
        SearchResponse<Map> indexed = search(id);
        assertThat(indexed.hits().hits()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(hit -> {
            Map<?, ?> document = hit.source();
            boolean names = document.get("memberId") != null;
            boolean holds = document.get("ballot") != null || document.get("receipt") != null
                    || document.get("choices") != null || document.get("answers") != null;
            assertThat(names && holds).as("a document naming a member and a ballot: %s", document).isFalse();
        });
        assertThat(output.getAll()).as("logs").doesNotContain(receipts.toArray(String[]::new))
                .doesNotContain("Q1-A", "teinturières");
    }

    @SuppressWarnings("rawtypes")
    private SearchResponse<Map> search(String consultationId) {
        try {
            elasticsearch.indices().refresh(r -> r.index(BallotIndex.ALIAS));
            return elasticsearch.search(s -> s.index(BallotIndex.ALIAS).size(1000)
                    .query(q -> q.term(t -> t.field("consultationId").value(consultationId))), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The stored events of these types, each as its payload, metadata and time as the store holds them: the rows of
     * the JDBC store; on Axon Server (which keeps no table), every event streamed from the store, serialized as the
     * application serialized it for storage.
     */
    private List<Map<String, Object>> storedEvents(Set<String> payloadTypes) {
        if (!TestAxonServer.profileActive()) {
            return jdbc.queryForList("select payloadType, payload, metaData, timeStamp from DomainEventEntry "
                    + "where payloadType in (" + String.join(",", payloadTypes.stream().map(t -> "'" + t + "'").toList())
                    + ")");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long head = eventStore.createHeadToken().position().orElse(-1);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            long position = -1;
            // until the head as it was: Axon Server's stream has nothing available until its first batch arrives
            while (position < head && stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = event.trackingToken().position().orElse(head);
                if (payloadTypes.contains(event.getPayloadType().getSimpleName())) {
                    rows.add(Map.of("payloadType", event.getPayloadType().getSimpleName(),
                            "payload", eventSerializer.serialize(event.getPayload(), byte[].class).getData(),
                            "metaData", eventSerializer.serialize(event.getMetaData(), byte[].class).getData(),
                            "timeStamp", event.getTimestamp().toString()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static String text(Map<String, Object> row) {
        StringBuilder all = new StringBuilder();
        for (String column : List.of("payload", "metaData", "timeStamp")) {
            Object value = row.get(column);
            all.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value))
                    .append('\n');
        }
        return all.toString();
    }
}
