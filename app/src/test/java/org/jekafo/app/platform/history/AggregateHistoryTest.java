package org.jekafo.app.platform.history;

import org.jekafo.api.common.Masks;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * History as data, end to end: a member's or a unit's events read from the event store a page at a time, forward and
 * backward with cursors, each change with the value it replaced; masked and journaled for auditors, « effacé » once
 * erased, refused outside the caller's reach.
 */
class AggregateHistoryTest extends IntegrationTest {

    private static final String ERASED = "effacé";

    TestApi api;

    @BeforeEach
    void connectAsTheBureau() {
        api = connect();
    }

    /** A member of Ségou's SG-01 whose phone changed four times: five events. */
    private String aMemberWithFiveEvents(List<String> phones) {
        Map<String, Object> member = api.register(TestApi.registration("Historique" + TestData.suffix(), "Awa", "F",
                api.unitId("SG-01")));
        phones.add((String) member.get("phone"));
        for (int i = 0; i < 4; i++) {
            String phone = TestData.uniquePhone();
            api.mutateMember("changeMemberPhone", Map.of("memberId", member.get("id"), "phone", phone));
            phones.add(phone);
        }
        return (String) member.get("id");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> cursors(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(edge -> (String) edge.get("cursor")).toList();
    }

    private static List<Integer> sequences(Map<String, Object> page) {
        return nodes(page).stream().map(node -> (Integer) node.get("sequence")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pageInfo(Map<String, Object> page) {
        return (Map<String, Object>) page.get("pageInfo");
    }

    /** The change of {@code field} in an entry: its value and the value it replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Map<String, Object> node, String field) {
        return ((List<Map<String, Object>>) node.get("changes")).stream().filter(c -> field.equals(c.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no change of " + field + " in " + node));
    }

    @Nested
    class Paging {

        @Test
        void forwardThenBackwardThroughAMembersHistoryWithCursors() {
            List<String> phones = new ArrayList<>();
            String member = aMemberWithFiveEvents(phones);

            List<Map<String, Object>> forward = new ArrayList<>();
            String after = null;
            do {
                forward.add(api.historyPage("Member", member, 2, after, null, null));
                after = (String) pageInfo(forward.get(forward.size() - 1)).get("endCursor");
            } while (Boolean.TRUE.equals(pageInfo(forward.get(forward.size() - 1)).get("hasNextPage")));
            List<Map<String, Object>> backward = new ArrayList<>();
            String before = null;
            do {
                backward.add(api.historyPage("Member", member, null, null, 2, before));
                before = (String) pageInfo(backward.get(backward.size() - 1)).get("startCursor");
            } while (Boolean.TRUE.equals(pageInfo(backward.get(backward.size() - 1)).get("hasPreviousPage")));

            assertThat(forward).extracting(AggregateHistoryTest::sequences)
                    .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
            assertThat(forward).extracting(page -> pageInfo(page).get("hasPreviousPage"), page -> page.get("totalCount"))
                    .containsExactly(tuple(false, 5), tuple(true, 5), tuple(true, 5));
            assertThat(backward).extracting(AggregateHistoryTest::sequences)
                    .containsExactly(List.of(3, 4), List.of(1, 2), List.of(0));
            assertThat(backward).extracting(page -> pageInfo(page).get("hasNextPage"))
                    .containsExactly(false, true, true);
            List<Map<String, Object>> backwardReversed = new ArrayList<>(backward);
            Collections.reverse(backwardReversed);
            assertThat(forward.stream().flatMap(page -> cursors(page).stream()).toList())
                    .as("the same entry has the same cursor either way")
                    .isEqualTo(backwardReversed.stream().flatMap(page -> cursors(page).stream()).toList());
            Map<String, Object> third = nodes(forward.get(1)).get(0);
            assertThat(third).containsEntry("__typename", "MemberHistoryEntry")
                    .containsEntry("memberEvent", "MemberPhoneChangedEvent").containsEntry("eventName", "MemberPhoneChangedEvent")
                    .containsEntry("principal", "bureau-test").containsEntry("role", "EXECUTIVE_BUREAU")
                    .containsEntry("channel", "PORTAL");
            assertThat(third.get("correlationId")).isNotNull();
            assertThat(change(third, "phone")).containsEntry("value", phones.get(2))
                    .containsEntry("previousValue", phones.get(1));
        }

        @Test
        void theMembersOwnFieldShowsTheSamePages() {
            String member = aMemberWithFiveEvents(new ArrayList<>());
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", member);
            variables.put("last", 3);

            Map<String, Object> page = api.run("memberHistoryEntries", variables).data("member.historyEntries");

            assertThat(page).isEqualTo(api.historyPage("Member", member, null, null, 3, null));
            assertThat(sequences(page)).containsExactly(2, 3, 4);
        }

        @Test
        void withoutFirstOrLastAPageHoldsTwentyEntries() {
            String member = aMemberWithFiveEvents(new ArrayList<>());
            String unit = api.unitId("SG");

            assertThat(sequences(api.historyPage("Member", member, null, null, null, null))).hasSize(5);
            assertThat(api.historyPage("OrgUnit", unit, null, null, null, null).get("totalCount")).isEqualTo(1);
        }

        @Test
        void aCursorOpensOnlyForItsCallerAndItsAggregate() {
            String member = aMemberWithFiveEvents(new ArrayList<>());
            String other = aMemberWithFiveEvents(new ArrayList<>());
            String cursor = (String) pageInfo(api.historyPage("Member", member, 2, null, null, null)).get("endCursor");

            ResponseError otherMember = api.historyAnswer("Member", other, 2, cursor, null, null).singleError();
            ResponseError otherCaller = api.as(TestApi.AUDITOR).historyAnswer("Member", member, 2, cursor, null, null)
                    .singleError();
            ResponseError before = api.historyAnswer("Member", other, null, null, 2, cursor).singleError();
            ResponseError tooMany = api.historyAnswer("Member", member, 501, null, null, null).singleError();

            assertRefused(otherMember, "INVALID_CURSOR", "after");
            assertRefused(otherCaller, "INVALID_CURSOR", "after");
            assertRefused(before, "INVALID_CURSOR", "before");
            assertRefused(tooMany, "INVALID_INPUT", "first");
        }
    }

    @Test
    void aRenamedAndMovedUnitShowsEachChangeWithTheValueItReplaced() {
        String kayes = TestApi.identifierOf(api.unitId("KY")); // history keeps identifiers as stored
        String sikasso = TestApi.identifierOf(api.unitId("SK"));
        String firstName = "Coordination " + TestData.suffix();
        String unit = api.run("createOrgUnit", "input", Map.of("code", TestData.unitCode("KY"), "name", firstName,
                "level", "LOCAL", "parentId", kayes)).data("createOrgUnit.orgUnit.id");
        String newName = "Coordination de Kadiolo " + TestData.suffix();
        api.run("renameOrgUnit", "input", Map.of("orgUnitId", unit, "name", newName)).data("renameOrgUnit");
        api.run("moveOrgUnit", "input", Map.of("orgUnitId", unit, "newParentId", sikasso)).data("moveOrgUnit");
        TestApi member = api.as(new ActingPrincipal("membre-" + TestData.suffix(), Role.MEMBER, null, "m-inconnu"));

        Map<String, Object> history = member.run("orgUnitHistory", "id", unit).data("orgUnit.history");

        List<Map<String, Object>> entries = nodes(history);
        assertThat(entries).extracting(e -> e.get("__typename"), e -> e.get("orgUnitEvent"), e -> e.get("principal"),
                e -> e.get("role")).containsExactly(
                tuple("OrgUnitHistoryEntry", "OrgUnitCreatedEvent", "bureau-test", "EXECUTIVE_BUREAU"),
                tuple("OrgUnitHistoryEntry", "OrgUnitRenamedEvent", "bureau-test", "EXECUTIVE_BUREAU"),
                tuple("OrgUnitHistoryEntry", "OrgUnitMovedEvent", "bureau-test", "EXECUTIVE_BUREAU"));
        assertThat(change(entries.get(0), "parentId")).containsEntry("value", kayes).containsEntry("previousValue", null);
        assertThat(change(entries.get(1), "name")).containsEntry("value", newName)
                .containsEntry("previousValue", firstName);
        assertThat(change(entries.get(2), "newParentId")).containsEntry("value", sikasso)
                .containsEntry("previousValue", kayes);
        assertThat(history.get("totalCount")).isEqualTo(3);
        assertThat(member.historyPage("OrgUnit", unit, null, null, null, null)).isEqualTo(history);
    }

    @Test
    void anAuditorReadsAMembersHistoryMaskedAndTheReadIsJournaled() {
        Map<String, Object> input = new HashMap<>(TestApi.registration("Audit" + TestData.suffix(), "Oumou", "F",
                api.unitId("SG-01")));
        String nationalId = TestData.uniqueNationalId();
        input.put("nationalId", nationalId);
        Map<String, Object> registered = api.register(input);
        String member = (String) registered.get("id");
        String phone = (String) registered.get("phone");
        String newPhone = TestData.uniquePhone();
        api.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));

        Map<String, Object> audited = api.as(TestApi.AUDITOR).historyPage("Member", member, 5, null, null, null);
        Map<String, Object> administered = api.as(TestApi.OPERATOR).run("memberHistoryEntries", "id", member)
                .data("member.historyEntries");

        for (Map<String, Object> page : List.of(audited, administered)) {
            List<Map<String, Object>> entries = nodes(page);
            assertThat(change(entries.get(0), "nationalId").get("value")).asString().contains("•")
                    .doesNotContain(nationalId.substring(0, 8));
            assertThat(change(entries.get(1), "phone")).containsEntry("value", Masks.phone(newPhone))
                    .containsEntry("previousValue", Masks.phone(phone));
            assertThat(page.toString()).doesNotContain(phone).doesNotContain(newPhone).doesNotContain(nationalId);
        }
        assertThat(api.runText("query($id: ID) { personalDataAccesses(memberId: $id, first: 10) { edges { node "
                + "{ principal operation unmasked } } } }", Map.of("id", member)).<List<Map<String, Object>>>data(
                "personalDataAccesses.edges")).extracting(edge -> edge.get("node")).containsExactlyInAnyOrder(
                Map.of("principal", "auditrice-test", "operation", "aggregateHistory", "unmasked", false),
                Map.of("principal", "admin-test", "operation", "member", "unmasked", false));
    }

    @Test
    void anErasedMembersHistoryKeepsItsEventsAndReadsErased() {
        Map<String, Object> registered = api.register(TestApi.registration("Effacement" + TestData.suffix(), "Kadia",
                "F", api.unitId("SG-01")));
        String member = (String) registered.get("id");
        String newPhone = TestData.uniquePhone();
        api.mutateMember("changeMemberPhone", Map.of("memberId", member, "phone", newPhone));
        api.mutateMember("erasePersonalData", Map.of("memberId", member, "reason", "Demande de l'intéressée"));

        Map<String, Object> page = api.historyPage("Member", member, null, null, null, null);

        List<Map<String, Object>> entries = nodes(page);
        assertThat(entries).extracting(e -> e.get("memberEvent")).containsExactly("MemberRegisteredEvent",
                "MemberPhoneChangedEvent", "MemberPersonalDataErasedEvent");
        assertThat(change(entries.get(0), "lastName")).containsEntry("value", ERASED);
        assertThat(change(entries.get(0), "phone")).containsEntry("value", ERASED);
        assertThat(change(entries.get(1), "phone")).containsEntry("value", ERASED).containsEntry("previousValue", ERASED);
        assertThat(page.toString()).doesNotContain((String) registered.get("lastName"))
                .doesNotContain((String) registered.get("phone")).doesNotContain(newPhone);
    }

    @Nested
    class Reach {

        @Test
        void aHistoryOutOfReachIsRefused() {
            String kayesMember = (String) api.register(TestApi.registration("Hors" + TestData.suffix(), "Fanta", "F",
                    api.unitId("KY-01"))).get("id");
            String segouMember = (String) api.register(TestApi.registration("Dedans" + TestData.suffix(), "Mariam",
                    "F", api.unitId("SG-01"))).get("id");
            TestApi agent = api.as(TestApi.SEGOU_AGENT);
            TestApi self = api.as(new ActingPrincipal("membre-" + TestData.suffix(), Role.MEMBER, null, segouMember));

            assertRefused(agent.historyAnswer("Member", kayesMember, 5, null, null, null).singleError(), "FORBIDDEN", "id");
            assertRefused(self.historyAnswer("Member", kayesMember, 5, null, null, null).singleError(), "FORBIDDEN", "id");
            assertThat(agent.historyPage("Member", segouMember, 5, null, null, null).get("totalCount")).isEqualTo(1);
            assertThat(self.historyPage("Member", segouMember, 5, null, null, null).get("totalCount")).isEqualTo(1);
        }

        @Test
        void aMembersHistoryAskedForAsAUnitsShowsNothing() {
            String kayesMember = (String) api.register(TestApi.registration("Confusion" + TestData.suffix(), "Awa",
                    "F", api.unitId("KY-01"))).get("id");
            TestApi agent = api.as(TestApi.SEGOU_AGENT);

            Map<String, Object> page = agent.historyPage("OrgUnit", kayesMember, 5, null, null, null);

            assertThat(page).containsEntry("totalCount", 0).containsEntry("edges", List.of());
        }
    }
}
