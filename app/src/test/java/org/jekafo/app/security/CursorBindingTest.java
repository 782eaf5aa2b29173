package org.jekafo.app.security;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.BUREAU;
import static org.jekafo.app.TestApi.SEGOU_AGENT;

/**
 * Pagination cursors are opaque and bound to the caller and the filter they were issued for: any other use, and
 * any alteration, is refused with one and the same error, which says nothing about the member a cursor names.
 */
class CursorBindingTest extends IntegrationTest {

    private static final ActingPrincipal OTHER_BUREAU = new ActingPrincipal("bureau-autre", Role.EXECUTIVE_BUREAU,
            null, null);
    private static final String PAGE = "query($filter: MemberFilter, $first: Int, $after: String) { members(filter: "
            + "$filter, first: $first, after: $after) { totalCount edges { cursor node { id } } "
            + "pageInfo { hasNextPage endCursor } } }";

    TestApi api;
    String lastName;
    List<String> kayesIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = connect();
        lastName = "Curseur" + TestData.suffix();
        for (String firstName : List.of("Awa", "Binta", "Coumba")) {
            kayesIds.add((String) api.register(TestApi.registration(lastName, firstName, "F", api.unitId("KY-01")))
                    .get("id"));
        }
    }

    private TestApi.Answer page(TestApi caller, Map<String, Object> filter, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return caller.runText(PAGE, variables);
    }

    private String endCursor(TestApi caller, Map<String, Object> filter) {
        return page(caller, filter, 1, null).data("members.pageInfo.endCursor");
    }

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorContinuesTheWalkForTheCallerAndFilterItWasIssuedFor() {
        Map<String, Object> filter = Map.of("name", lastName);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext;
        do {
            TestApi.Answer answer = page(api, filter, 1, after);
            List<Map<String, Object>> edges = answer.data("members.edges");
            edges.forEach(edge -> seen.add((String) ((Map<?, ?>) edge.get("node")).get("id")));
            after = answer.data("members.pageInfo.endCursor");
            hasNext = answer.data("members.pageInfo.hasNextPage");
        } while (hasNext && seen.size() < 10);

        assertThat(seen).containsExactlyElementsOf(kayesIds);
    }

    @Test
    void aCursorGivenToOneCallerIsRefusedToAnother() {
        Map<String, Object> filter = Map.of("name", lastName);
        String cursor = endCursor(api, filter);

        ResponseError refused = page(api.as(OTHER_BUREAU), filter, 1, cursor).singleError();

        TestApi.assertRefused(refused, "INVALID_CURSOR", "after");
    }

    @Test
    void aCursorUsedWithAnotherFilterIsRefused() {
        String cursor = endCursor(api, Map.of("name", lastName));

        ResponseError refused = page(api, Map.of("name", lastName, "gender", "F"), 1, cursor).singleError();

        TestApi.assertRefused(refused, "INVALID_CURSOR", "after");
    }

    @Test
    void aCursorAlteredInOneByteIsRefused() {
        Map<String, Object> filter = Map.of("name", lastName);
        byte[] raw = Base64.getUrlDecoder().decode(endCursor(api, filter));
        raw[raw.length / 2] ^= 0x01;

        ResponseError refused = page(api, filter, 1, Base64.getUrlEncoder().withoutPadding().encodeToString(raw))
                .singleError();

        TestApi.assertRefused(refused, "INVALID_CURSOR", "after");
    }

    @Test
    void forgedCursorsNamingAMemberOutOfReachOrNoMemberAreRefusedAlike() {
        TestApi segouAgent = api.as(SEGOU_AGENT);

        ResponseError outOfReach = page(segouAgent, null, 5, base64("m:" + kayesIds.get(1))).singleError();
        ResponseError noMember = page(segouAgent, null, 5, base64("m:" + UUID.randomUUID())).singleError();

        TestApi.assertRefused(outOfReach, "INVALID_CURSOR", "after");
        assertThat(noMember.getMessage()).isEqualTo(outOfReach.getMessage());
        assertThat(noMember.getExtensions()).isEqualTo(outOfReach.getExtensions());
        assertThat(noMember.getPath()).isEqualTo(outOfReach.getPath());
    }

    @Test
    void aCursorShowsNeitherTheIdNorTheNameOfItsMember() {
        List<Map<String, Object>> edges = page(api, Map.of("name", lastName), 3, null).data("members.edges");

        assertThat(edges).hasSize(3).allSatisfy(edge -> {
            String decoded = new String(Base64.getUrlDecoder().decode((String) edge.get("cursor")),
                    StandardCharsets.ISO_8859_1).toLowerCase();
            assertThat(decoded).doesNotContain((String) ((Map<?, ?>) edge.get("node")).get("id"))
                    .doesNotContain(lastName.toLowerCase());
        });
    }

    @Test
    void aJournalCursorIsBoundToItsCallerAndMember() {
        api.as(TestApi.AUDITOR).member(kayesIds.get(0));
        api.as(TestApi.AUDITOR).member(kayesIds.get(0));
        String query = "query($id: ID, $after: String) { personalDataAccesses(memberId: $id, first: 1, after: $after) "
                + "{ pageInfo { endCursor } } }";
        Map<String, Object> variables = new HashMap<>(Map.of("id", kayesIds.get(0)));
        String cursor = api.runText(query, variables).data("personalDataAccesses.pageInfo.endCursor");
        variables.put("after", cursor);

        ResponseError otherCaller = api.as(TestApi.AUDITOR).runText(query, variables).singleError();
        variables.put("id", kayesIds.get(1));
        ResponseError otherMember = api.runText(query, variables).singleError();

        TestApi.assertRefused(otherCaller, "INVALID_CURSOR", "after");
        TestApi.assertRefused(otherMember, "INVALID_CURSOR", "after");
    }
}
