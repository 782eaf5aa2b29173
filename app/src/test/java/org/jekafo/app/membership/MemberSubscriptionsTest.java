package org.jekafo.app.membership;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMemberRegistrationsQuery;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.LiveConnection;
import org.jekafo.app.LiveConnection.Received;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The census live, over a real WebSocket (graphql-transport-ws): a member's changes reach whoever follows it, a
 * registration reaches the watchers of its region and no other, and what is pushed is what the caller may query —
 * refused out of reach, masked and journaled for an auditor.
 */
class MemberSubscriptionsTest extends IntegrationTest {

    private static final String MEMBER_CHANGED = "subscription($id: ID!) { memberChanged(id: $id) "
            + "{ id lastName phone status version localUnit { code } region { code } } }";
    private static final String MEMBER_REGISTERED = "subscription($unit: ID!) { memberRegistered(orgUnitId: $unit) "
            + "{ id lastName localUnit { code } region { code } } }";
    private static final String ACCESSES = "query($id: ID) { personalDataAccesses(memberId: $id, first: 50) "
            + "{ edges { node { principal role operation } } } }";
    private static final ActingPrincipal KAYES_OFFICER = new ActingPrincipal("responsable-ky", Role.CHAPTER_OFFICER,
            "KY", null);

    @Autowired
    QueryUpdateEmitter emitter;

    TestApi bureau;

    @BeforeEach
    void setUp() {
        bureau = connect();
    }

    @Test
    void aChangeOfTheMemberArrivesToWhoeverFollowsIt() {
        String id = register("SG-01");

        try (LiveConnection officer = bureau.as(TestApi.SEGOU_OFFICER).live()) {
            Received changes = officer.subscribe(MEMBER_CHANGED, Map.of("id", id));
            Map<String, Object> now = changes.next("memberChanged");
            Map<String, Object> changed = changePhone(id);

            Map<String, Object> pushed = changes.next("memberChanged");

            assertThat(now).containsEntry("id", id).containsEntry("status", "ACTIVE");
            assertThat(pushed).containsEntry("id", id).containsEntry("phone", changed.get("phone"))
                    .containsEntry("version", changed.get("version")).containsEntry("localUnit", Map.of("code", "SG-01"));
            assertThat(((Number) pushed.get("version")).longValue()).isGreaterThan(((Number) now.get("version")).longValue());
        }
    }

    @Test
    void aRegistrationArrivesToTheWatchersOfItsRegionAndNotToThoseOfAnother() {
        String segou = bureau.unitId("SG");
        String kayes = bureau.unitId("KY");

        try (LiveConnection segouOfficer = bureau.as(TestApi.SEGOU_OFFICER).live();
             LiveConnection kayesOfficer = bureau.as(KAYES_OFFICER).live()) {
            Received inSegou = segouOfficer.subscribe(MEMBER_REGISTERED, Map.of("unit", segou));
            Received inKayes = kayesOfficer.subscribe(MEMBER_REGISTERED, Map.of("unit", kayes));
            LiveConnection.awaitFollowed(emitter, new FindMemberRegistrationsQuery(TestApi.identifierOf(segou)));
            LiveConnection.awaitFollowed(emitter, new FindMemberRegistrationsQuery(TestApi.identifierOf(kayes)));

            String segouMember = register("SG-02");
            Map<String, Object> seenInSegou = inSegou.next("memberRegistered");
            String kayesMember = register("KY-01");
            Map<String, Object> seenInKayes = inKayes.next("memberRegistered");

            assertThat(seenInSegou).containsEntry("id", segouMember).containsEntry("region", Map.of("code", "SG"))
                    .containsEntry("localUnit", Map.of("code", "SG-02"));
            // Kayes' first news is its own member: the Ségou registration, announced first, never reached it
            assertThat(seenInKayes).containsEntry("id", kayesMember).containsEntry("region", Map.of("code", "KY"));
        }
    }

    @Test
    void aFieldAgentIsRefusedWhatIsOutOfTheirReach() {
        String kayesMember = register("KY-01");

        try (LiveConnection agent = bureau.as(TestApi.SEGOU_AGENT).live()) {
            List<ResponseError> member = agent.subscribe(MEMBER_CHANGED, Map.of("id", kayesMember)).errors();
            List<ResponseError> registrations = agent.subscribe(MEMBER_REGISTERED, Map.of("unit", bureau.unitId("KY-01")))
                    .errors();
            List<ResponseError> region = agent.subscribe(MEMBER_REGISTERED, Map.of("unit", bureau.unitId("SG")))
                    .errors();

            for (List<ResponseError> refused : List.of(member, registrations, region)) {
                assertThat(refused).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(error.getMessage()).isNotBlank().doesNotContain("Exception");
                });
            }
        }
    }

    @Test
    void anUnknownMemberOrUnitEndsTheSubscriptionAsNotFound() {
        try (LiveConnection connection = bureau.live()) {
            List<ResponseError> member = connection.subscribe(MEMBER_CHANGED, Map.of("id", "membre-inconnu")).errors();
            List<ResponseError> unit = connection.subscribe(MEMBER_REGISTERED, Map.of("unit", "unite-inconnue")).errors();

            assertThat(member).singleElement().satisfies(error -> assertThat(error.getExtensions())
                    .containsEntry("code", "NOT_FOUND").containsEntry("field", "id"));
            assertThat(unit).singleElement().satisfies(error -> assertThat(error.getExtensions())
                    .containsEntry("code", "NOT_FOUND").containsEntry("field", "orgUnitId"));
        }
    }

    @Test
    void aSubscriptionThatEndsIsNoLongerFollowed() {
        String id = register("SG-01");

        try (LiveConnection connection = bureau.live()) {
            connection.subscribe(MEMBER_CHANGED, Map.of("id", "membre-jamais-vu")).errors();
            Received stopped = connection.subscribe(MEMBER_CHANGED, Map.of("id", id));
            stopped.next("memberChanged");
            stopped.cancel();

            LiveConnection.awaitNotFollowed(emitter, new FindMemberQuery("membre-jamais-vu", null));
            LiveConnection.awaitNotFollowed(emitter, new FindMemberQuery(TestApi.identifierOf(id), null));
        }
    }

    @Test
    void anAuditorIsPushedMaskedDataAndEachPushIsJournaled() {
        String id = register("SG-01");

        try (LiveConnection auditor = bureau.as(TestApi.AUDITOR).live()) {
            Received changes = auditor.subscribe(MEMBER_CHANGED, Map.of("id", id));
            Map<String, Object> now = changes.next("memberChanged");
            long journaledOnce = journaled(id);
            Map<String, Object> changed = changePhone(id);
            Map<String, Object> pushed = changes.next("memberChanged");

            assertThat((String) now.get("phone")).contains("••");
            assertThat((String) pushed.get("phone")).contains("••").isNotEqualTo(changed.get("phone"));
            assertThat(pushed).containsEntry("version", changed.get("version"));
            assertThat(journaledOnce).isEqualTo(1);
            assertThat(journaled(id)).isEqualTo(2);
        }
    }

    /** How many times the auditor's subscription was journaled as reading the member. */
    @SuppressWarnings("unchecked")
    private long journaled(String memberId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", memberId);
        List<Map<String, Object>> edges = bureau.runText(ACCESSES, variables).data("personalDataAccesses.edges");
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node"))
                .filter(node -> "memberChanged".equals(node.get("operation"))
                        && TestApi.AUDITOR.name().equals(node.get("principal"))).count();
    }

    /** The member as the bureau's phone change answers it. */
    private Map<String, Object> changePhone(String memberId) {
        return bureau.mutateMember("changeMemberPhone", Map.of("memberId", memberId, "phone", TestData.uniquePhone()));
    }

    private String register(String unitCode) {
        return (String) bureau.register(TestApi.registration("Direct" + TestData.suffix(), "Awa", "F",
                bureau.unitId(unitCode))).get("id");
    }
}
