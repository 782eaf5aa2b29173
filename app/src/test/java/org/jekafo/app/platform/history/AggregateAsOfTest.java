package org.jekafo.app.platform.history;

import org.jekafo.api.common.Masks;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * Any aggregate as it stood at a time or after a sequence number, end to end: rebuilt from its events, each field
 * with the event that set it; the same rule, masks and journal as its history; « effacé » once erased.
 */
class AggregateAsOfTest extends IntegrationTest {

    TestApi api;

    @BeforeEach
    void connectAsTheBureau() {
        api = connect();
    }

    private TestApi.Answer asOf(TestApi caller, String type, String id, Instant at, Integer sequence) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("type", type);
        variables.put("id", id);
        variables.put("at", at == null ? null : at.toString());
        variables.put("sequence", sequence);
        return caller.run("aggregateAsOf", variables);
    }

    private Map<String, Object> state(String type, String id, Instant at, Integer sequence) {
        return asOf(api, type, id, at, sequence).data("aggregateAsOf");
    }

    /** The value of each field of a state. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> state) {
        Map<String, Object> values = new HashMap<>();
        ((List<Map<String, Object>>) state.get("fields")).forEach(f -> values.put((String) f.get("field"), f.get("value")));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> state, String name) {
        return ((List<Map<String, Object>>) state.get("fields")).stream().filter(f -> name.equals(f.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + name + " in " + state));
    }

    /** The time of a member's event, as its history shows it. */
    @SuppressWarnings("unchecked")
    private Instant timeOf(String member, int sequence) {
        Map<String, Object> page = api.historyPage("Member", member, 50, null, null, null);
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(e -> (Map<String, Object>) e.get("node"))
                .filter(n -> n.get("sequence").equals(sequence)).map(n -> Instant.parse((String) n.get("occurredAt")))
                .findFirst().orElseThrow();
    }

    @Test
    void aMemberAsOfEachPointOfItsHistoryBySequenceAndByTime() {
        Map<String, Object> registered = api.register(TestApi.registration("Etat" + TestData.suffix(), "Awa", "F",
                api.unitId("SG-01")));
        String member = (String) registered.get("id");
        String sg02 = api.unitId("SG-02");
        api.mutateMember("transferMember", Map.of("memberId", member, "toLocalUnitId", sg02));
        String newPhone = TestData.uniquePhone();
        api.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));
        Instant transferredAt = timeOf(member, 1);

        Map<String, Object> created = state("Member", member, null, 0);
        Map<String, Object> justBeforeTransfer = state("Member", member, transferredAt.minusNanos(1), null);
        Map<String, Object> atTransfer = state("Member", member, transferredAt, null);
        Map<String, Object> now = state("Member", member, null, null);
        Map<String, Object> beforeRegistration = state("Member", member, timeOf(member, 0).minusNanos(1), null);

        assertThat(created).containsEntry("exists", true).containsEntry("sequence", 0).containsEntry("eventCount", 1)
                .containsEntry("type", "Member").containsEntry("id", member);
        assertThat(values(created)).containsEntry("localUnitId", TestApi.identifierOf(api.unitId("SG-01")))
                .containsEntry("phone", registered.get("phone")).containsEntry("gender", "F")
                .containsEntry("lastName", registered.get("lastName"));
        assertThat(justBeforeTransfer).isEqualTo(created);
        assertThat(atTransfer).containsEntry("sequence", 1).containsEntry("eventCount", 2);
        assertThat(field(atTransfer, "localUnitId")).containsEntry("value", TestApi.identifierOf(sg02))
                .containsEntry("sequence", 1).containsEntry("eventName", "MemberTransferredEvent")
                .containsEntry("setAt", transferredAt.toString());
        assertThat(field(atTransfer, "phone")).containsEntry("sequence", 0)
                .containsEntry("eventName", "MemberRegisteredEvent");
        assertThat(values(now)).containsEntry("phone", newPhone);
        assertThat(now).containsEntry("sequence", 2).containsEntry("eventCount", 3);
        assertThat(beforeRegistration).containsEntry("exists", false).containsEntry("fields", List.of())
                .containsEntry("eventCount", 0);
    }

    @Test
    void aUnitAsOfBeforeAndAfterItsRenaming() {
        String kayes = TestApi.identifierOf(api.unitId("KY"));
        String firstName = "Coordination " + TestData.suffix();
        String unit = api.run("createOrgUnit", "input", Map.of("code", TestData.unitCode("KY"), "name", firstName,
                "level", "LOCAL", "parentId", kayes)).data("createOrgUnit.orgUnit.id");
        String newName = "Coordination de Nioro " + TestData.suffix();
        api.run("renameOrgUnit", "input", Map.of("orgUnitId", unit, "name", newName)).data("renameOrgUnit");

        TestApi member = api.as(new ActingPrincipal("membre-" + TestData.suffix(), Role.MEMBER, null, "m-inconnu"));

        assertThat(values(member.run("aggregateAsOf", Map.of("type", "OrgUnit", "id", unit, "sequence", 0))
                .data("aggregateAsOf"))).containsEntry("name", firstName).containsEntry("parentId", kayes);
        assertThat(values(state("OrgUnit", unit, null, null))).containsEntry("name", newName);
        assertThat(state("Member", unit, null, null)).as("a unit asked for as a member has no state")
                .containsEntry("exists", false);
    }

    @Test
    void anAuditorReadsAMemberAsOfADateMaskedAndTheReadIsJournaled() {
        Map<String, Object> input = new HashMap<>(TestApi.registration("AuditEtat" + TestData.suffix(), "Oumou", "F",
                api.unitId("SG-01")));
        String nationalId = TestData.uniqueNationalId();
        input.put("nationalId", nationalId);
        Map<String, Object> registered = api.register(input);
        String member = (String) registered.get("id");

        Map<String, Object> audited = asOf(api.as(TestApi.AUDITOR), "Member", member, Instant.now(), null)
                .data("aggregateAsOf");

        assertThat(values(audited)).containsEntry("phone", Masks.phone((String) registered.get("phone")))
                .containsEntry("nationalId", Masks.nationalId(nationalId));
        assertThat(audited.toString()).doesNotContain((String) registered.get("phone")).doesNotContain(nationalId);
        assertThat(api.runText("query($id: ID) { personalDataAccesses(memberId: $id, first: 10) { edges { node "
                + "{ principal operation unmasked } } } }", Map.of("id", member)).<List<Map<String, Object>>>data(
                "personalDataAccesses.edges")).extracting(edge -> edge.get("node")).containsExactly(
                Map.of("principal", "auditrice-test", "operation", "aggregateAsOf", "unmasked", false));
    }

    @Test
    void anErasedMemberAsOfBeforeItsErasureReadsErased() {
        Map<String, Object> registered = api.register(TestApi.registration("EffaceEtat" + TestData.suffix(), "Kadia",
                "F", api.unitId("SG-01")));
        String member = (String) registered.get("id");
        api.mutateMember("erasePersonalData", Map.of("memberId", member, "reason", "Demande de l'intéressée"));

        Map<String, Object> beforeErasure = state("Member", member, null, 0);

        assertThat(values(beforeErasure)).containsEntry("lastName", "effacé").containsEntry("phone", "effacé")
                .containsEntry("gender", "F");
        assertThat(beforeErasure.toString()).doesNotContain((String) registered.get("lastName"))
                .doesNotContain((String) registered.get("phone"));
    }

    @Test
    void aMemberAsOfADateOutOfReachIsRefusedAsItsHistoryIs() {
        String kayesMember = (String) api.register(TestApi.registration("HorsEtat" + TestData.suffix(), "Fanta", "F",
                api.unitId("KY-01"))).get("id");

        assertRefused(asOf(api.as(TestApi.SEGOU_AGENT), "Member", kayesMember, null, null).singleError(),
                "FORBIDDEN", "id");
        assertRefused(asOf(api, "Member", kayesMember, null, -1).singleError(), "INVALID_INPUT", "sequence");
    }
}
