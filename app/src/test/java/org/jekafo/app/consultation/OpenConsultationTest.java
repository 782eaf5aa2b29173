package org.jekafo.app.consultation;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.consultation.ConsultationScenario.ballot;
import static org.jekafo.app.consultation.ConsultationScenario.choose;
import static org.jekafo.app.consultation.ConsultationScenario.write;

/**
 * An open (attributable) consultation of one local unit, end to end over GraphQL: drafted, scheduled, opened on its
 * own with the roll fixed, ballots from the portal and the field, every refusal typed, live turnout and counts,
 * closed early, tallied with its breakdown and inclusion indicator, recommendations searched and tagged.
 */
class OpenConsultationTest extends IntegrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void aUnitConsultsItsMembersOpenlyFromDraftToResult() {
        ConsultationScenario scenario = new ConsultationScenario(connect(), List.of("F", "F", "F", "M", "M", "F"));
        TestApi bureau = scenario.bureau;
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 50));

        Map<String, Object> opened = scenario.consultation(id);
        assertThat(opened.get("eligibleCount")).isEqualTo(6);
        assertThat((List<Map<String, Object>>) opened.get("eligibleGroups"))
                .contains(Map.of("dimension", "GENDER", "group", "F", "count", 4),
                        Map.of("dimension", "GENDER", "group", "M", "count", 2),
                        Map.of("dimension", "LOCAL_UNIT", "group", scenario.unitId, "count", 6));
        String late = scenario.register("F"); // registered after opening: not on the roll

        List<String> m = scenario.members;
        scenario.cast(scenario.member(0), ballot(id, m.get(0), List.of(choose("Q1", "Q1-A"), choose("Q2", "YES"),
                write("Q3", "Réduire les taxes du marché de Ségou")))).data("castBallot");
        scenario.cast(scenario.agent(), ballot(id, m.get(1), List.of(choose("Q1", "Q1-B")))).data("castBallot");
        scenario.cast(scenario.member(2), ballot(id, m.get(2), List.of(choose("Q1", "Q1-A"), choose("Q2", "NO"))))
                .data("castBallot");
        scenario.cast(scenario.member(3), ballot(id, m.get(3), List.of())).data("castBallot"); // blank
        // suspended after opening: the right stays as it was at opening
        bureau.run("suspendMember", "input", Map.of("memberId", m.get(5), "reason", "Cotisations impayées"))
                .data("suspendMember");
        scenario.cast(scenario.member(5), ballot(id, m.get(5), List.of())).data("castBallot"); // blank too

        // refusals, each typed, none changing anything
        assertThat(code(scenario.cast(scenario.member(0), ballot(id, m.get(0), List.of(choose("Q1", "Q1-C"))))))
                .isEqualTo("ALREADY_VOTED");
        assertThat(code(scenario.cast(scenario.memberApi(late), ballot(id, late, List.of(choose("Q1", "Q1-C"))))))
                .isEqualTo("NOT_ELIGIBLE");
        List<ResponseError> invalid = scenario.cast(scenario.member(4), ballot(id, m.get(4), List.of(
                choose("Q1", "Q1-A", "Q1-B"), choose("Q9", "X")))).errors();
        assertThat(invalid).extracting(e -> e.getExtensions().get("code")).containsOnly("INVALID_BALLOT").hasSize(2);
        assertThat(code(scenario.cast(scenario.member(4), ballot(id, m.get(5), List.of()))))
                .as("a member votes for themself only").isEqualTo("FORBIDDEN");
        assertThat(code(scenario.cast(bureau.as(TestApi.SEGOU_AGENT), ballot(id, m.get(4), List.of()))))
                .as("an agent of another unit").isEqualTo("FORBIDDEN");

        Map<String, Object> live = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> (Map<String, Object>) scenario.consultation(id).get("turnout"),
                        turnout -> Integer.valueOf(5).equals(turnout.get("voterCount")));
        assertThat((List<Map<String, Object>>) live.get("liveCounts")).contains(Map.of("group", "Q1:Q1-A", "count", 2));
        assertThat((List<Map<String, Object>>) live.get("byChannel")).contains(Map.of("group", "FIELD_AGENT", "count", 1));

        List<Map<String, Object>> mine = scenario.member(0).runText(
                "{ myConsultations { eligible hasVoted mayVote votedThrough answers { questionId optionIds } "
                        + "consultation { id } } }", Map.of()).data("myConsultations");
        assertThat(mine).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("hasVoted", true).containsEntry("mayVote", false)
                    .containsEntry("votedThrough", "PORTAL");
            assertThat((List<Map<String, Object>>) entry.get("answers")).contains(Map.of("questionId", "Q1",
                    "optionIds", List.of("Q1-A")));
        });
        List<Map<String, Object>> notYet = scenario.member(4).runText("{ myConsultations { hasVoted mayVote } }",
                Map.of()).data("myConsultations");
        assertThat(notYet).containsExactly(Map.of("hasVoted", false, "mayVote", true));

        bureau.runText(ConsultationScenario.CLOSE, Map.of("input", Map.of("consultationId", id,
                "reason", "Assemblée avancée"))).data("closeConsultation");
        assertThat(code(scenario.cast(scenario.member(4), ballot(id, m.get(4), List.of()))))
                .isEqualTo("CONSULTATION_NOT_OPEN");
        Map<String, Object> tallied = scenario.awaitStatus(id, "TALLIED");
        Map<String, Object> result = (Map<String, Object>) tallied.get("result");
        assertThat(result).containsEntry("outcome", "RESULTS").containsEntry("eligibleCount", 6)
                .containsEntry("voterCount", 5);
        Map<String, Object> q1 = ((List<Map<String, Object>>) result.get("questions")).get(0);
        assertThat((List<Map<String, Object>>) q1.get("options")).extracting(o -> o.get("optionId") + "=" + o.get("count"))
                .containsExactly("Q1-A=2", "Q1-B=1", "Q1-C=0");
        assertThat(((Map<String, Object>) q1.get("blank")).get("count")).isEqualTo(2);
        assertThat((List<Map<String, Object>>) result.get("voterGroups"))
                .contains(Map.of("dimension", "GENDER", "group", "F", "count", 4),
                        Map.of("dimension", "GENDER", "group", "M", "count", 1));
        assertThat((List<Map<String, Object>>) tallied.get("inclusion")).contains(Map.of("dimension", "GENDER",
                "group", "F", "eligible", 4, "eligibleShare", 66.7, "voters", 4, "voterShare", 80.0, "turnout", 100.0));
        Map<String, Object> listed = bureau.runText("query($unit: ID) { consultations(filter: {orgUnitId: $unit, "
                + "status: TALLIED}) { totalCount edges { node { id } } } }", Map.of("unit", scenario.unitId))
                .data("consultations");
        assertThat(listed.get("totalCount")).isEqualTo(1);
        assertThat(tallied).containsEntry("closedEarly", true).containsEntry("closingReason", "Assemblée avancée");

        // the advocacy cell finds the recommendation without its accents, and tags it
        String search = "query($id: ID!, $search: String, $tag: String) { recommendations(consultationId: $id, "
                + "search: $search, tag: $tag) { totalCount nodes { recommendationId questionId text tags } } }";
        Map<String, Object> found = bureau.runText(search, Map.of("id", id, "search", "marche segou"))
                .data("recommendations");
        assertThat(found.get("totalCount")).isEqualTo(1);
        Map<String, Object> recommendation = ((List<Map<String, Object>>) found.get("nodes")).get(0);
        assertThat(recommendation.get("text")).isEqualTo("Réduire les taxes du marché de Ségou");
        bureau.runText("mutation($input: TagRecommendationInput!) { tagRecommendation(input: $input) { "
                + "userErrors { code } recommendationId } }", Map.of("input", Map.of("consultationId", id,
                "recommendationId", recommendation.get("recommendationId"), "tags", List.of("fiscalité", "marchés"))))
                .data("tagRecommendation");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> ((Number) bureau.runText(
                search, Map.of("id", id, "tag", "fiscalité")).<Map<String, Object>>data("recommendations")
                .get("totalCount")).intValue() == 1);

        List<Map<String, Object>> history = (List<Map<String, Object>>) bureau.historyPage("Consultation", id, 20,
                null, null, null).get("edges");
        assertThat(history).extracting(e -> ((Map<String, Object>) e.get("node")).get("eventName"))
                .containsExactly("ConsultationDraftedEvent", "ConsultationScheduledEvent", "ConsultationOpenedEvent",
                        "ConsultationClosedEvent", "ConsultationTalliedEvent", "RecommendationTaggedEvent");
    }

    @Test
    void aConsultationBelowItsQuorumHasNoResult() {
        ConsultationScenario scenario = new ConsultationScenario(connect(), List.of("F", "M", "F"));
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 70));
        scenario.cast(scenario.member(0), ballot(id, scenario.members.get(0), List.of(choose("Q1", "Q1-A"))))
                .data("castBallot");
        scenario.bureau.runText(ConsultationScenario.CLOSE, Map.of("input", Map.of("consultationId", id,
                "reason", "Fin anticipée"))).data("closeConsultation");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) scenario.awaitStatus(id, "TALLIED").get("result");
        assertThat(result).containsEntry("outcome", "NO_QUORUM").containsEntry("voterCount", 1)
                .containsEntry("questions", List.of());
    }

    @Test
    void aDraftWithSeveralProblemsNamesThemAllAndStoresNothing() {
        TestApi bureau = connect();
        Map<String, Object> plan = new java.util.HashMap<>(ConsultationScenario.plan(bureau.unitId("SG"), "OPEN", 0));
        plan.put("title", " ");
        plan.put("closesAt", java.time.Instant.now().minusSeconds(3600).toString());
        plan.put("quorumPercent", 140);
        long head = bureau.eventStoreHead();
        List<ResponseError> problems = bureau.runText(ConsultationScenario.DRAFT, Map.of("input", Map.of("plan", plan)))
                .errors();
        assertThat(problems).extracting(e -> e.getExtensions().get("code"))
                .containsExactlyInAnyOrder("INVALID_INPUT", "INVALID_SCHEDULE", "INVALID_INPUT");
        assertThat(bureau.eventStoreHead()).isEqualTo(head);
    }

    private static Object code(TestApi.Answer answer) {
        return answer.singleError().getExtensions().get("code");
    }
}
