package org.jekafo.app.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.consultation.ConsultationScenario.ballot;
import static org.jekafo.app.consultation.ConsultationScenario.choose;

/**
 * A secret consultation in the audit trail: who took part (a participation, with the member's unit), never what
 * anyone chose — no secret ballot is indexed, and nothing indexed carries a choice or a receipt.
 */
class SecretConsultationAuditTest extends IntegrationTest {

    private static final String TRAIL = "query($filter: AuditFilter) { auditTrail(filter: $filter, first: 100) "
            + "{ totalCount edges { node { aggregateType aggregateId eventName principal channel orgUnitIds summary "
            + "changedFields } } } }";

    @Autowired
    ElasticsearchClient elasticsearch;

    @Test
    void aSecretConsultationLeavesOnlyParticipationInTheAuditTrail() throws IOException {
        ConsultationScenario scenario = new ConsultationScenario(connect(), List.of("F", "F", "M", "M"));
        TestApi bureau = scenario.bureau;
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "SECRET", 0));
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestApi voter = i == 1 ? scenario.agent() : scenario.member(i);
            receipts.add(scenario.cast(voter, ballot(id, scenario.members.get(i), List.of(choose("Q1", "Q1-C"))))
                    .data("castBallot.receipt"));
        }

        Map<String, Object> participations = Map.of("orgUnit", scenario.unitId,
                "eventNames", List.of("ParticipationRecordedEvent"));
        List<Map<String, Object>> participated = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> nodes(bureau, participations), n -> n.size() == 3);
        List<Map<String, Object>> unitTrail = nodes(bureau, Map.of("orgUnit", scenario.unitId));

        assertThat(participated).allSatisfy(p -> assertThat(p).containsEntry("aggregateType", "Participation")
                .containsEntry("orgUnitIds", List.of(TestApi.identifierOf(scenario.unitId))));
        assertThat(participated).extracting(p -> p.get("channel")).containsExactlyInAnyOrder("PORTAL", "FIELD_AGENT",
                "PORTAL");
        assertThat(unitTrail).extracting(e -> e.get("eventName")).contains("ConsultationDraftedEvent",
                "ConsultationOpenedEvent", "ParticipationRecordedEvent").doesNotContain("SecretBallotDepositedEvent");
        assertThat(unitTrail).extracting(e -> e.get("aggregateType")).doesNotContain("SecretBallot");
        assertThat(nodes(bureau, Map.of("eventNames", List.of("SecretBallotDepositedEvent")))).isEmpty();

        String indexed = everythingIndexedAbout(TestApi.identifierOf(id), TestApi.identifierOf(scenario.unitId));
        assertThat(indexed).contains("ParticipationRecordedEvent").doesNotContain("Q1-C")
                .doesNotContain("SecretBallot");
        receipts.forEach(receipt -> assertThat(indexed).doesNotContain(receipt));
        elasticsearch.indices().refresh(r -> r.index("jekafo-audit"));
        assertThat(elasticsearch.count(c -> c.index("jekafo-audit").query(q -> q.bool(b -> b
                .should(s -> s.term(t -> t.field("aggregateType").value("SecretBallot")))
                .should(s -> s.term(t -> t.field("eventName").value("SecretBallotDepositedEvent")))))).count())
                .isZero();
    }

    private static List<Map<String, Object>> nodes(TestApi api, Map<String, Object> filter) {
        List<Map<String, Object>> edges = api.runText(TRAIL, Map.of("filter", filter)).data("auditTrail.edges");
        return edges.stream().map(edge -> (Map<String, Object>) new HashMap<>((Map<String, Object>) edge.get("node")))
                .toList();
    }

    /** Every audit document of the consultation's unit, as Elasticsearch holds it. */
    private String everythingIndexedAbout(String consultationId, String unitId) throws IOException {
        elasticsearch.indices().refresh(r -> r.index("jekafo-audit"));
        return elasticsearch.search(s -> s.index("jekafo-audit").size(200).query(q -> q.bool(b -> b
                .should(t -> t.term(f -> f.field("orgUnitIds").value(unitId)))
                .should(t -> t.term(f -> f.field("aggregateId").value(consultationId))))), Map.class)
                .hits().hits().stream().map(hit -> String.valueOf(hit.source())).toList().toString();
    }
}
