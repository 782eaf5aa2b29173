package org.jekafo.app.security;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.SEGOU_AGENT;
import static org.jekafo.app.TestApi.SEGOU_OFFICER;

/** The ways round a caller's reach that a review found, each closed. */
class ReachTest extends IntegrationTest {

    private static final ActingPrincipal KAYES_AGENT = new ActingPrincipal("agent-ky01", Role.FIELD_AGENT, "KY-01", null);

    TestApi api;
    Map<String, Object> kayesMember;

    @BeforeEach
    void setUp() {
        api = connect();
        kayesMember = api.register(TestApi.registration("Portee" + TestData.suffix(), "Fanta", "F", api.unitId("KY-01")));
    }

    @ParameterizedTest(name = "card number typed as \"{0}\"")
    @ValueSource(strings = {"lower", " padded ", "exact"})
    void aCardNumberTypedAnyWayDoesNotReachAMemberOutOfReach(String typing) {
        String card = (String) kayesMember.get("cardNumber");
        String typed = switch (typing) {
            case "lower" -> card.toLowerCase();
            case " padded " -> "  " + card + " ";
            default -> card;
        };
        for (ActingPrincipal caller : List.of(SEGOU_AGENT, SEGOU_OFFICER)) {
            var answer = api.as(caller).runText("query($c: String) { member(cardNumber: $c) { id lastName phone } }",
                    Map.of("c", typed));

            TestApi.assertRefused(answer.singleError(), "FORBIDDEN", "cardNumber");
            assertThat(answer.response().toString()).doesNotContain((String) kayesMember.get("lastName"));
        }
    }

    @Test
    void anotherCallersClientMutationIdNeitherRevealsTheirMemberNorSwallowsTheNewOne() {
        String clientId = "tablette-ky-" + TestData.suffix();
        Map<String, Object> first = new HashMap<>(TestApi.registration("Tablette" + TestData.suffix(), "Awa", "F",
                api.unitId("KY-01")));
        first.put("clientMutationId", clientId);
        String kayesId = (String) api.as(KAYES_AGENT).register(first).get("id");
        Map<String, Object> second = new HashMap<>(TestApi.registration("Tablette" + TestData.suffix(), "Bintou", "F",
                api.unitId("SG-01")));
        second.put("clientMutationId", clientId);

        Map<String, Object> registered = api.as(SEGOU_AGENT).register(second);

        assertThat(registered.get("id")).isNotEqualTo(kayesId);
        assertThat(registered).containsEntry("firstName", "Bintou");
        assertThat(api.as(KAYES_AGENT).register(first).get("id")).as("the same caller's retry").isEqualTo(kayesId);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOfficerCannotTransferAMemberOutOfTheirReach() {
        String segouMember = (String) api.register(TestApi.registration("Transfert" + TestData.suffix(), "Kadia", "F",
                api.unitId("SG-01"))).get("id");

        var refused = api.as(SEGOU_OFFICER).run("transferMember", "input",
                Map.of("memberId", segouMember, "toLocalUnitId", api.unitId("KY-01"))).singleError();
        Map<String, Object> moved = api.as(SEGOU_OFFICER).mutateMember("transferMember",
                Map.of("memberId", segouMember, "toLocalUnitId", api.unitId("SG-02")));

        TestApi.assertRefused(refused, "FORBIDDEN", "input.toLocalUnitId");
        assertThat((Map<String, Object>) moved.get("localUnit")).containsEntry("code", "SG-02");
    }

    @Test
    void aFieldAgentTokenNamingARegionReachesNothing() {
        TestApi regionalAgent = api.as(new ActingPrincipal("agent-region", Role.FIELD_AGENT, "SG", null));

        var answer = regionalAgent.runText("{ members(first: 5) { totalCount } }", Map.of());

        TestApi.assertRefused(answer.singleError(), "FORBIDDEN", "filter.orgUnitId");
    }

    @Test
    void overseersMayNotFilterOnPersonalData() {
        for (String filter : List.of("{name: \"fanta\"}", "{phone: \"76000000\"}", "{birthYearFrom: 1980}", "{birthYearTo: 1990}")) {
            for (ActingPrincipal overseer : List.of(TestApi.OPERATOR, TestApi.AUDITOR)) {
                var answer = api.as(overseer).runText("{ memberCounts(filter: " + filter + ") { total } }", Map.of());

                assertThat(answer.singleError().getExtensions()).as(filter).containsEntry("code", "FORBIDDEN");
            }
        }
    }
}
