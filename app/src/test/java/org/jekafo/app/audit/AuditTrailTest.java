package org.jekafo.app.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail end to end: a member registered in Ségou (SG-01) by the bureau, then suspended, transferred to SG-02
 * and given a new phone — four events, each in the audit index with its actor, channel, units and correlation, found
 * by every filter of {@code auditTrail}, paged both ways, readable by an officer of Ségou and not by a field agent,
 * journaled for auditors, holding none of the member's personal data, and the same after a rebuild.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest extends IntegrationTest {

    private static final List<String> EVENTS = List.of("MemberRegisteredEvent", "MemberSuspendedEvent",
            "MemberTransferredEvent", "MemberPhoneChangedEvent");

    @Autowired
    ElasticsearchClient elasticsearch;

    TestApi bureau;
    String member;
    String lastName;
    String firstName;
    String phone;
    String newPhone;
    String nationalId;
    String sg01;
    String sg02;
    List<Map<String, Object>> trail;

    @BeforeAll
    void aMemberLivesFourEvents() {
        bureau = connect();
        sg01 = bureau.unitId("SG-01");
        sg02 = bureau.unitId("SG-02");
        lastName = "Zanzibarou" + TestData.suffix();
        firstName = "Kadidiatou" + TestData.suffix();
        Map<String, Object> registration = TestApi.registration(lastName, firstName, "F", sg01);
        phone = (String) registration.get("phone");
        nationalId = TestData.uniqueNationalId();
        registration.put("nationalId", nationalId);
        member = (String) bureau.register(registration).get("id");
        bureau.mutateMember("suspendMember", Map.of("memberId", member, "reason", "Retard de " + lastName));
        bureau.mutateMember("transferMember", Map.of("memberId", member, "toLocalUnitId", sg02,
                "reason", "Déménagement de " + firstName));
        newPhone = TestData.uniquePhone();
        bureau.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));
        trail = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> nodes(page(bureau, filter(), null)), nodes -> nodes.size() == EVENTS.size());
    }

    @Test
    void everyEventOfTheMemberIsInTheTrailInPositionOrderWithWhoHowAndWhere() {
        assertThat(trail).extracting(e -> e.get("eventName")).containsExactlyElementsOf(EVENTS);
        assertThat(trail).extracting(e -> e.get("sequence")).containsExactly(0, 1, 2, 3);
        assertThat(trail).extracting(e -> (Integer) e.get("position")).isSorted().doesNotHaveDuplicates();
        assertThat(trail).allSatisfy(e -> assertThat(e).containsEntry("aggregateType", "Member")
                .containsEntry("aggregateId", TestApi.identifierOf(member)).containsEntry("principal", "bureau-test")
                .containsEntry("role", "EXECUTIVE_BUREAU").containsEntry("channel", "PORTAL")
                .satisfies(entry -> assertThat(entry.get("correlationId")).isNotNull()));
        String unit1 = TestApi.identifierOf(sg01);
        String unit2 = TestApi.identifierOf(sg02);
        assertThat(trail).extracting(e -> e.get("orgUnitIds")).containsExactly(List.of(unit1), List.of(unit1),
                List.of(unit1, unit2), List.of(unit2));
        assertThat(trail.get(1).get("summary")).isEqualTo("Membre suspendu : motif.");
        assertThat((String) trail.get(2).get("summary")).startsWith("Membre transféré : unité de départ = " + unit1
                + ", unité d'arrivée = " + unit2);
        assertThat(trail.get(0).get("changedFields")).asList().contains("lastName", "phone", "localUnitId");
    }

    @Test
    void eachFilterSelectsItsEvents() {
        Map<String, Object> transfer = trail.get(2);
        assertSelected(Map.of("eventNames", List.of("MemberSuspendedEvent", "MemberPhoneChangedEvent")), 1, 3);
        assertSelected(Map.of("aggregateType", "Member"), 0, 1, 2, 3);
        assertSelected(Map.of("aggregateType", "OrgUnit"));
        assertSelected(Map.of("principal", "bureau-test"), 0, 1, 2, 3);
        assertSelected(Map.of("principal", "quelqu-un-d-autre"));
        assertSelected(Map.of("role", "EXECUTIVE_BUREAU"), 0, 1, 2, 3);
        assertSelected(Map.of("role", "AUDITOR"));
        assertSelected(Map.of("channel", "PORTAL"), 0, 1, 2, 3);
        assertSelected(Map.of("channel", "USSD"));
        assertSelected(Map.of("orgUnit", bureau.unitId("SG")), 0, 1, 2, 3);
        assertSelected(Map.of("orgUnit", sg02), 2, 3);
        assertSelected(Map.of("orgUnit", bureau.unitId("KY")));
        assertSelected(Map.of("correlationId", transfer.get("correlationId")), 2);
        assertSelected(Map.of("causationId", transfer.get("causationId")), 2);
        assertSelected(Map.of("from", transfer.get("occurredAt")), 2, 3);
        assertSelected(Map.of("to", transfer.get("occurredAt")), 0, 1);
        assertSelected(Map.of("text", "SUSPENDU"), 1);
        assertSelected(Map.of("text", "membre transfere"), 2);
        assertSelected(Map.of("text", "telephone"), 0, 3);
    }

    @Test
    void aMemberIsFoundByItsGlobalIdOrItsRawIdentifier() {
        Map<String, Object> raw = new HashMap<>(filter());
        raw.put("aggregateId", TestApi.identifierOf(member));

        assertThat(nodes(page(bureau, raw, null))).isEqualTo(trail);
    }

    @Test
    void pagesGoForwardAndBackwardWithSealedCursors() {
        Map<String, Object> first = page(bureau, filter(), Map.of("first", 2));
        assertThat(nodes(first)).isEqualTo(trail.subList(0, 2));
        assertThat(first).containsEntry("totalCount", 4);
        assertThat(pageInfo(first)).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false);

        Map<String, Object> second = page(bureau, filter(), Map.of("first", 2, "after", pageInfo(first).get("endCursor")));
        assertThat(nodes(second)).isEqualTo(trail.subList(2, 4));
        assertThat(pageInfo(second)).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true);

        Map<String, Object> last = page(bureau, filter(), Map.of("last", 3));
        assertThat(nodes(last)).isEqualTo(trail.subList(1, 4));
        assertThat(pageInfo(last)).containsEntry("hasPreviousPage", true).containsEntry("hasNextPage", false);

        Map<String, Object> before = page(bureau, filter(), Map.of("last", 3, "before", pageInfo(last).get("startCursor")));
        assertThat(nodes(before)).isEqualTo(trail.subList(0, 1));
        assertThat(pageInfo(before)).containsEntry("hasPreviousPage", false).containsEntry("hasNextPage", true);

        Map<String, Object> descending = page(bureau, filter(), Map.of("orderBy", "DESC", "first", 3));
        assertThat(nodes(descending)).isEqualTo(List.of(trail.get(3), trail.get(2), trail.get(1)));
        Map<String, Object> rest = page(bureau, filter(), Map.of("orderBy", "DESC", "first", 3,
                "after", pageInfo(descending).get("endCursor")));
        assertThat(nodes(rest)).isEqualTo(List.of(trail.get(0)));
    }

    @Test
    void aCursorOfAnotherFilterOrOrderDoesNotOpen() {
        Object cursor = pageInfo(page(bureau, filter(), Map.of("first", 1))).get("endCursor");

        TestApi.Answer otherOrder = answer(bureau, filter(), Map.of("orderBy", "DESC", "first", 1, "after", cursor));
        TestApi.Answer otherCaller = answer(bureau.as(TestApi.AUDITOR), filter(), Map.of("first", 1, "after", cursor));

        TestApi.assertRefused(otherOrder.singleError(), "INVALID_CURSOR", "after");
        TestApi.assertRefused(otherCaller.singleError(), "INVALID_CURSOR", "after");
    }

    @Test
    void theAuditIndexHoldsNoneOfTheMembersPersonalData() throws IOException {
        String documents = rawDocuments().toString();

        assertThat(documents).contains(TestApi.identifierOf(member)).contains("Membre inscrit")
                .doesNotContain(lastName).doesNotContain(firstName).doesNotContain(phone.substring(4))
                .doesNotContain(newPhone.substring(4)).doesNotContain(nationalId);
    }

    @Test
    void aChapterOfficerReadsTheEventsOfTheirSubtreeOnly() {
        TestApi officer = bureau.as(TestApi.SEGOU_OFFICER);
        assertThat(nodes(page(officer, filter(), null))).isEqualTo(trail);

        String kayesMember = (String) bureau.register(TestApi.registration("Horsperimetre" + TestData.suffix(), "Awa",
                "F", bureau.unitId("KY-01"))).get("id");
        Map<String, Object> kayes = Map.of("aggregateId", kayesMember);
        await().atMost(Duration.ofSeconds(60)).until(() -> nodes(page(bureau, kayes, null)).size() == 1);
        assertThat(nodes(page(officer, kayes, null))).isEmpty();

        TestApi.Answer refused = answer(officer, Map.of("orgUnit", bureau.unitId("KY")), Map.of("first", 5));
        TestApi.assertRefused(refused.singleError(), AccessRefusedException.FORBIDDEN, "filter.orgUnit");
    }

    @Test
    void aFieldAgentAMemberAndAnAdministratorMayNotReadTheTrail() {
        for (TestApi caller : List.of(bureau.as(TestApi.SEGOU_AGENT), bureau.as(TestApi.OPERATOR))) {
            TestApi.Answer refused = answer(caller, filter(), null);
            assertThat(refused.singleError().getExtensions()).containsEntry("code", AccessRefusedException.FORBIDDEN);
        }
    }

    @Test
    void anAuditorsReadIsJournaledForTheMembersItShows() {
        assertThat(nodes(page(bureau.as(TestApi.AUDITOR), filter(), null))).isEqualTo(trail);

        List<Map<String, Object>> accesses = bureau.runText("query($id: ID) { personalDataAccesses(memberId: $id, "
                + "first: 10) { edges { node { principal operation unmasked } } } }", Map.of("id", member))
                .data("personalDataAccesses.edges");
        assertThat(accesses).extracting(edge -> edge.get("node")).contains(
                Map.of("principal", "auditrice-test", "operation", "auditTrail", "unmasked", false));
    }

    @Test
    void rebuildingTheAuditIndexGivesTheSameDocuments() throws IOException {
        List<Map<String, Object>> before = rawDocuments();
        long events = bureau.eventStoreHead();
        long started = System.nanoTime();

        Map<String, Object> rebuilt = bureau.as(TestApi.OPERATOR).run("rebuildProjection", "input",
                Map.of("name", "audit-projection", "awaitCompletion", true)).data("rebuildProjection.projection");

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("audit index rebuilt: %d events in %.1f s, %.0f events/s%n", events, seconds,
                events / seconds);
        assertThat(rebuilt).containsEntry("rebuilding", false);
        assertThat(rawDocuments()).isEqualTo(before);
        assertThat(nodes(page(bureau, filter(), null))).isEqualTo(trail);
    }

    // --- helpers ---

    private Map<String, Object> filter() {
        return Map.of("aggregateId", member);
    }

    private void assertSelected(Map<String, Object> criteria, int... indices) {
        Map<String, Object> combined = new HashMap<>(filter());
        combined.putAll(criteria);
        List<Map<String, Object>> expected = java.util.Arrays.stream(indices).mapToObj(trail::get).toList();
        assertThat(nodes(page(bureau, combined, null))).as("events selected by %s", criteria).isEqualTo(expected);
    }

    static Map<String, Object> page(TestApi caller, Map<String, Object> filter, Map<String, Object> arguments) {
        return answer(caller, filter, arguments).data("auditTrail");
    }

    static TestApi.Answer answer(TestApi caller, Map<String, Object> filter, Map<String, Object> arguments) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", 100);
        if (arguments != null) {
            if (arguments.containsKey("last")) {
                variables.remove("first");
            }
            variables.putAll(arguments);
        }
        return caller.run("auditTrail", variables);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pageInfo");
    }

    /** The member's audit documents as Elasticsearch holds them, every field. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Map<String, Object>> rawDocuments() throws IOException {
        elasticsearch.indices().refresh(r -> r.index("jekafo-audit"));
        return elasticsearch.search(s -> s.index("jekafo-audit").size(100)
                        .query(q -> q.term(t -> t.field("aggregateId").value(TestApi.identifierOf(member))))
                        .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc))), Map.class)
                .hits().hits().stream().map(hit -> (Map<String, Object>) hit.source()).toList();
    }
}
