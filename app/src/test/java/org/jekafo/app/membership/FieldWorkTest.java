package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two field agents' tablets work offline on the same unit for a day, then sync: members created with ids the
 * tablet chose, work queued against them, one batch per tablet with a result per item, a retried batch that
 * changes nothing, and the second tablet told of its conflicting edit with the member as it is now.
 */
class FieldWorkTest extends IntegrationTest {

    private static final String SUBMIT = """
            mutation($input: SubmitFieldWorkInput!) {
              submitFieldWork(input: $input) {
                userErrors { code }
                results { index clientMutationId memberId member { id phone version dues { receiptNumber } }
                  userErrors { code field message candidate { id phone version } } }
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void twoTabletsOfflineOnTheSameMemberSyncWithoutLosingOrOverwritingAnything() {
        TestApi bureau = connect();
        String unit = bureau.unitId("SG-01");
        Map<String, Object> shared = bureau.register(TestApi.registration("Partage" + TestData.suffix(), "Awa", "F", unit));
        String sharedId = (String) shared.get("id");
        int seenVersion = ((Number) shared.get("version")).intValue();
        TestApi tabletA = bureau.as(TestApi.SEGOU_AGENT);
        TestApi tabletB = bureau.as(new ActingPrincipal("agent-sg01-b", Role.FIELD_AGENT, "SG-01", null));
        Instant morning = Instant.now().minus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        // tablet A, offline: a new member with an id it chose, dues for that member, a phone change on the shared one
        String newId = UUID.randomUUID().toString();
        Map<String, Object> registration = TestApi.registration("Horsligne" + TestData.suffix(), "Fanta", "F", unit);
        registration.putAll(Map.of("memberId", newId, "clientMutationId", "A-1-" + TestData.suffix(), "capturedAt", morning.toString(),
                "channel", "FIELD_AGENT"));
        String phoneA = TestData.uniquePhone();
        List<Map<String, Object>> queueA = List.of(
                Map.of("registerMember", registration),
                Map.of("recordDuesPayment", Map.of("memberId", newId, "year", Year.now().getValue(), "amountFcfa", 5000,
                        "receiptNumber", "R-" + TestData.suffix(), "clientMutationId", "A-2-" + TestData.suffix(),
                        "capturedAt", morning.plusSeconds(60).toString(), "channel", "FIELD_AGENT")),
                Map.of("changeMemberPhone", Map.of("memberId", sharedId, "phone", phoneA, "expectedVersion", seenVersion,
                        "clientMutationId", "A-3-" + TestData.suffix(), "channel", "FIELD_AGENT")));
        // tablet B, offline: another phone for the shared member, decided on the same version
        String phoneB = TestData.uniquePhone();
        Map<String, Object> changeB = new HashMap<>(Map.of("memberId", sharedId, "phone", phoneB,
                "expectedVersion", seenVersion, "clientMutationId", "B-1-" + TestData.suffix(), "channel", "FIELD_AGENT"));

        List<Map<String, Object>> syncA = results(tabletA, queueA);
        assertThat(syncA).allSatisfy(result -> assertThat((List<?>) result.get("userErrors")).isEmpty());
        Map<String, Object> created = (Map<String, Object>) syncA.get(1).get("member");
        assertThat(syncA.get(0).get("memberId")).isEqualTo(syncA.get(1).get("memberId")).isEqualTo(created.get("id"));
        assertThat((List<?>) created.get("dues")).hasSize(1);
        assertThat((Map<String, Object>) syncA.get(2).get("member")).containsEntry("phone", phoneA);

        // the connection dropped before A read the answer: the same queue again changes nothing
        long head = bureau.eventStoreHead();
        List<Map<String, Object>> retried = results(tabletA, queueA);
        assertThat(retried).extracting(r -> r.get("memberId")).containsExactlyElementsOf(
                syncA.stream().map(r -> r.get("memberId")).toList());
        assertThat(retried).allSatisfy(result -> assertThat((List<?>) result.get("userErrors")).isEmpty());
        assertThat(bureau.eventStoreHead()).as("events after the retry").isEqualTo(head);

        // tablet B syncs: its edit was decided on a version that is no longer current
        Map<String, Object> conflict = results(tabletB, List.of(Map.of("changeMemberPhone", changeB))).get(0);
        Map<String, Object> problem = ((List<Map<String, Object>>) conflict.get("userErrors")).get(0);
        assertThat(problem).containsEntry("code", "VERSION_CONFLICT")
                .containsEntry("field", List.of("input", "items", "0", "expectedVersion"));
        Map<String, Object> current = (Map<String, Object>) problem.get("candidate");
        assertThat(current).containsEntry("id", sharedId).containsEntry("phone", phoneA);
        assertThat(bureau.member(sharedId)).containsEntry("phone", phoneA);

        // B's agent looks at the member as it is now and keeps their phone: sent again on the current version
        changeB.put("expectedVersion", current.get("version"));
        changeB.put("clientMutationId", "B-2-" + TestData.suffix());
        Map<String, Object> resolved = results(tabletB, List.of(Map.of("changeMemberPhone", changeB))).get(0);
        assertThat((List<?>) resolved.get("userErrors")).isEmpty();
        assertThat((Map<String, Object>) resolved.get("member")).containsEntry("phone", phoneB);

        // capture time stays distinct from receipt time
        List<Map<String, Object>> history = bureau.run("memberHistoryDetails", "id", newId).data("memberHistory");
        assertThat(history.get(0).get("capturedAt")).isEqualTo(morning.toString());
        assertThat(Instant.parse((String) history.get(0).get("occurredAt"))).isAfter(morning.plusSeconds(3600));
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachItemPassesTheGateOnItsOwn() {
        TestApi bureau = connect();
        String kayes = (String) bureau.register(TestApi.registration("Loin" + TestData.suffix(), "Nana", "F",
                bureau.unitId("KY-01"))).get("id");
        String segou = (String) bureau.register(TestApi.registration("Pres" + TestData.suffix(), "Sali", "F",
                bureau.unitId("SG-01"))).get("id");

        List<Map<String, Object>> results = results(bureau.as(TestApi.SEGOU_AGENT), List.of(
                Map.of("changeMemberPhone", Map.of("memberId", kayes, "phone", TestData.uniquePhone(),
                        "clientMutationId", "loin-" + TestData.suffix())),
                Map.of("changeMemberPhone", Map.of("memberId", segou, "phone", "pas un numéro",
                        "clientMutationId", "faux-" + TestData.suffix())),
                Map.of("changeMemberPhone", Map.of("memberId", segou, "phone", TestData.uniquePhone()))));

        assertThat(results).extracting(r -> ((List<Map<String, Object>>) r.get("userErrors")).get(0).get("code"))
                .containsExactly("FORBIDDEN", "INVALID_PHONE", "INVALID_INPUT");
        assertThat(results).allSatisfy(r -> assertThat(r.get("member")).isNull());
    }

    private static List<Map<String, Object>> results(TestApi tablet, List<Map<String, Object>> queue) {
        Map<String, Object> payload = tablet.runText(SUBMIT, Map.of("input", Map.of("items", queue)))
                .data("submitFieldWork");
        assertThat((List<?>) payload.get("userErrors")).isEmpty();
        return (List<Map<String, Object>>) payload.get("results");
    }
}
