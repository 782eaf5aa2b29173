package org.jekafo.app.platform.graphql;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Any object refetched by its opaque, typed global id; links are objects; inputs take the ids the API gives. */
class GlobalIdsTest extends IntegrationTest {

    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id
              ... on Member { cardNumber localUnit { id code } }
              ... on OrgUnit { code } } }""";

    @Test
    @SuppressWarnings("unchecked")
    void membersAndUnitsAreRefetchedByTheirGlobalIds() {
        TestApi api = connect();
        Map<String, Object> member = api.register(TestApi.registration("Noeud" + TestData.suffix(), "Awa", "F",
                api.unitId("SG-01")));
        String memberId = (String) member.get("id");
        String unitId = api.unitId("SG-01");

        assertThat(GlobalIds.parse(memberId)).get().extracting(GlobalIds.GlobalId::type).isEqualTo("Member");
        assertThat(GlobalIds.parse(unitId)).get().extracting(GlobalIds.GlobalId::type).isEqualTo("OrgUnit");
        Map<String, Object> node = api.runText(NODE, Map.of("id", memberId)).data("node");
        assertThat(node).containsEntry("__typename", "Member").containsEntry("id", memberId)
                .containsEntry("cardNumber", member.get("cardNumber"));
        assertThat((Map<String, Object>) node.get("localUnit")).containsEntry("id", unitId);
        assertThat(api.runText(NODE, Map.of("id", unitId)).<Map<String, Object>>data("node"))
                .containsEntry("__typename", "OrgUnit").containsEntry("code", "SG-01");

        List<Map<String, Object>> nodes = api.runText("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
                Map.of("ids", List.of(unitId, memberId))).data("nodes");
        assertThat(nodes).extracting(n -> n.get("id")).containsExactly(unitId, memberId);
    }

    @Test
    void anIdIsTypedAndInputsTakeIt() {
        TestApi api = connect();
        Map<String, Object> member = api.register(TestApi.registration("Type" + TestData.suffix(), "Sira", "F",
                api.unitId("SG-01")));
        String memberId = (String) member.get("id");
        String identifier = GlobalIds.parse(memberId).orElseThrow().identifier();

        // the identifier alone, as another type, or nothing of the kind: not a node id
        for (String notANode : List.of(identifier, GlobalIds.of("Trade", identifier), "n'importe quoi")) {
            TestApi.assertRefused(api.runText(NODE, Map.of("id", notANode)).singleError(), "INVALID_ID", "id");
        }
        // an input takes the global id (and still the identifier alone)
        Map<String, Object> changed = api.mutateMember("changeMemberPhone",
                Map.of("memberId", memberId, "phone", TestData.uniquePhone()));
        assertThat(changed).containsEntry("id", memberId);
        assertThat(api.member(identifier)).containsEntry("id", memberId);
        // payloads link with global ids too
        Map<String, Object> payload = api.runText("mutation($input: ChangeMemberPhoneInput!) { changeMemberPhone("
                + "input: $input) { memberId userErrors { code } } }", Map.of("input",
                Map.of("memberId", identifier, "phone", TestData.uniquePhone()))).data("changeMemberPhone");
        assertThat(payload).containsEntry("memberId", memberId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberSeesTheirOwnRecordThroughTheirPrincipalAndNothingElse() {
        TestApi api = connect();
        String memberId = (String) api.register(TestApi.registration("Moi" + TestData.suffix(), "Kadia", "F",
                api.unitId("SG-01"))).get("id");
        String other = (String) api.register(TestApi.registration("Autre" + TestData.suffix(), "Nana", "F",
                api.unitId("SG-01"))).get("id");
        TestApi self = api.as(new ActingPrincipal("kadia", Role.MEMBER, null,
                GlobalIds.parse(memberId).orElseThrow().identifier()));

        Map<String, Object> me = self.runText("{ me { member { id } } }", Map.of()).data("me");
        assertThat((Map<String, Object>) me.get("member")).containsEntry("id", memberId);
        TestApi.assertRefused(self.runText(NODE, Map.of("id", other)).singleError(), "FORBIDDEN", "id");
    }
}
