package org.jekafo.app.security;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jekafo.app.TestApi.AUDITOR;
import static org.jekafo.app.TestApi.OPERATOR;

/** Auditors and administrators see phone numbers and national IDs masked, and every read of theirs is recorded. */
class PersonalDataAccessTest extends IntegrationTest {

    private static final String MEMBER = "query($id: ID, $unmasked: Boolean) { member(id: $id) "
            + "{ lastName phone(unmasked: $unmasked) nationalId(unmasked: $unmasked) } }";
    private static final String ACCESSES = "query($id: ID, $first: Int, $after: String) { personalDataAccesses("
            + "memberId: $id, first: $first, after: $after) { edges { cursor node { principal role memberId operation "
            + "unmasked accessedAt } } pageInfo { hasNextPage endCursor } } }";

    TestApi api;
    String memberId;
    String phone;
    String nationalId;
    String lastName;
    String unitId;

    @BeforeEach
    void setUp() {
        api = connect();
        lastName = "Lecture" + TestData.suffix();
        unitId = api.run("createOrgUnit", "input", Map.of("code", TestData.unitCode("SK"), "name", "Lecture",
                "level", "LOCAL", "parentId", api.unitId("SK"))).data("createOrgUnit.orgUnit.id");
        Map<String, Object> input = new HashMap<>(TestApi.registration(lastName, "Salimata", "F", unitId));
        nationalId = TestData.uniqueNationalId();
        input.put("nationalId", nationalId);
        Map<String, Object> member = api.register(input);
        memberId = (String) member.get("id");
        phone = (String) member.get("phone");
    }

    @Test
    void anAuditorSeesPhoneAndNationalIdMaskedAndTheReadIsRecorded() {
        Map<String, Object> seen = api.as(AUDITOR).runText(MEMBER, Map.of("id", memberId)).data("member");

        assertThat(seen.get("lastName")).asString().startsWith("Lecture");
        assertThat(seen.get("phone")).isEqualTo(phone.substring(0, 6) + "••••" + phone.substring(10));
        assertThat(seen.get("nationalId")).asString().endsWith(nationalId.substring(nationalId.length() - 3))
                .doesNotContain(nationalId.substring(0, nationalId.length() - 3)).contains("•");
        assertThat(accesses(memberId)).extracting(a -> a.get("principal"), a -> a.get("role"), a -> a.get("operation"),
                a -> a.get("unmasked")).containsExactly(tuple("auditrice-test", "AUDITOR", "member", false));
    }

    @Test
    void anAuditorMayAskForTheClearValuesAndThatReadIsRecordedAsUnmasked() {
        Map<String, Object> seen = api.as(AUDITOR).runText(MEMBER, Map.of("id", memberId, "unmasked", true))
                .data("member");

        assertThat(seen).containsEntry("phone", phone).containsEntry("nationalId", nationalId);
        assertThat(accesses(memberId)).extracting(a -> a.get("unmasked")).containsExactly(true);
    }

    @Test
    void anAdministratorMayNotUnmask() {
        var answer = api.as(OPERATOR).runText(MEMBER, Map.of("id", memberId, "unmasked", true));

        assertThat(answer.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.getExtensions())
                .containsEntry("code", "FORBIDDEN"));
        assertThat(answer.errors().toString()).doesNotContain(phone).doesNotContain(nationalId);
    }

    @Test
    void readsOfHistoriesAndSearchesAreRecordedPerMemberAndPerOperation() {
        api.as(AUDITOR).runText("query($id: ID!) { memberHistory(id: $id) { type } }", Map.of("id", memberId)).data("memberHistory");
        api.as(OPERATOR).memberList(Map.of("orgUnitId", unitId));

        assertThat(accesses(memberId)).extracting(a -> a.get("principal"), a -> a.get("operation")).containsExactly(
                tuple("admin-test", "members"), tuple("auditrice-test", "memberHistory"));
    }

    @Test
    void historiesShowPhoneNumbersMaskedToAuditors() {
        api.mutateMember("changeMemberPhone", Map.of("memberId", memberId, "phone", TestData.uniquePhone()));

        List<Map<String, Object>> history = api.as(AUDITOR).runText("query($id: ID!) { memberHistory(id: $id) "
                + "{ changes { field value previousValue } } }", Map.of("id", memberId)).data("memberHistory");

        assertThat(history).flatExtracting(entry -> (List<?>) entry.get("changes")).map(c -> (Map<?, ?>) c)
                .filteredOn(change -> change.get("field").equals("phone"))
                .hasSize(2).allSatisfy(change -> assertThat(change.get("value")).asString().contains("••••"))
                .last().satisfies(change -> assertThat(change.get("previousValue")).asString().contains("••••")
                        .isNotEqualTo(phone));
    }

    @Test
    void theBureauReadsInClearAndItsReadsAreNotOverseen() {
        Map<String, Object> seen = api.runText(MEMBER, Map.of("id", memberId)).data("member");

        assertThat(seen).containsEntry("phone", phone).containsEntry("nationalId", nationalId);
        assertThat(accesses(memberId)).isEmpty();
    }

    @Test
    void anAuditorReadingOnlyTheStatusReasonOrTheGenderIsRecorded() {
        api.mutateMember("suspendMember", Map.of("memberId", memberId, "reason", "Cotisations impayées"));

        Map<String, Object> reason = api.as(AUDITOR).runText("query($id: ID) { member(id: $id) { statusReason } }",
                Map.of("id", memberId)).data("member");
        api.as(OPERATOR).runText("query($id: ID) { member(id: $id) { gender } }", Map.of("id", memberId)).data("member");

        assertThat(reason).containsEntry("statusReason", "Cotisations impayées");
        assertThat(accesses(memberId)).extracting(a -> a.get("principal"), a -> a.get("operation")).containsExactly(
                tuple("admin-test", "member"), tuple("auditrice-test", "member"));
    }

    @Test
    void anAuditorListingMembersByIdOnlyIsRecordedForEach() {
        api.as(AUDITOR).runText("query($unit: ID) { members(filter: {orgUnitId: $unit, gender: F}) "
                + "{ edges { node { id cardNumber } } } }", Map.of("unit", unitId)).data("members");

        assertThat(accesses(memberId)).extracting(a -> a.get("operation")).containsExactly("members");
    }

    @Test
    void aListTotalNarrowingToFewerThanFiveMembersIsRecordedForEachOfThemEvenOffThePage() {
        String other = (String) api.register(TestApi.registration(lastName, "Oumou", "F", unitId)).get("id");

        int total = api.as(AUDITOR).runText("query($unit: ID) { members(filter: {orgUnitId: $unit, status: ACTIVE}, "
                + "first: 0) { totalCount } }", Map.of("unit", unitId)).data("members.totalCount");

        assertThat(total).isEqualTo(2);
        assertThat(accesses(memberId)).extracting(a -> a.get("operation")).containsExactly("members");
        assertThat(accesses(other)).extracting(a -> a.get("operation")).containsExactly("members");
    }

    @Test
    void countsOfFewerThanFiveMembersAreSuppressedForAuditorsAndShownToTheBureau() {
        String query = "query($unit: ID) { memberCounts(filter: {orgUnitId: $unit}) { total totalSuppressed "
                + "byGender { key count suppressed } } }";

        Map<String, Object> audited = api.as(AUDITOR).runText(query, Map.of("unit", unitId)).data("memberCounts");
        Map<String, Object> bureau = api.runText(query, Map.of("unit", unitId)).data("memberCounts");

        assertThat(audited).containsEntry("total", null).containsEntry("totalSuppressed", true);
        Map<String, Object> women = new HashMap<>(Map.of("key", "F", "suppressed", true));
        women.put("count", null);
        assertThat(audited.get("byGender")).isEqualTo(List.of(women));
        assertThat(bureau).containsEntry("total", 1).containsEntry("totalSuppressed", false);
        assertThat(accesses(memberId)).isEmpty();
    }

    @Test
    void theJournalPagesFromTheNewestRead() {
        for (int i = 0; i < 3; i++) {
            api.as(AUDITOR).runText(MEMBER, Map.of("id", memberId)).data("member");
        }

        Map<String, Object> first = page(memberId, 2, null);
        Map<String, Object> second = page(memberId, 2, (String) ((Map<?, ?>) first.get("pageInfo")).get("endCursor"));

        assertThat((List<?>) first.get("edges")).hasSize(2);
        assertThat(first.get("pageInfo")).isEqualTo(Map.of("hasNextPage", true,
                "endCursor", ((Map<?, ?>) ((List<?>) first.get("edges")).get(1)).get("cursor")));
        assertThat((List<?>) second.get("edges")).hasSize(1);
        assertThat(((Map<?, ?>) second.get("pageInfo")).get("hasNextPage")).isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accesses(String member) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) page(member, 50, null).get("edges");
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    private Map<String, Object> page(String member, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", member);
        variables.put("first", first);
        variables.put("after", after);
        return api.runText(ACCESSES, variables).data("personalDataAccesses");
    }
}
