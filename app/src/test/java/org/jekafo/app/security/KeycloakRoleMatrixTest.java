package org.jekafo.app.security;

import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jekafo.app.KeycloakIntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The role matrix's spot checks with real tokens: Keycloak running the realm of docker-compose.yml, each role's
 * token obtained by password, for each role one operation allowed and one refused (see
 * {@link AuthorizationMatrixTest} for the whole matrix with local tokens). The realm's demonstration users
 * (password « change-moi ») carry their role and {@code unit}; the others (a member's {@code member}, an officer of
 * another region) are made through Keycloak's admin API. "In reach" is Ségou, "out of reach" Kayes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakRoleMatrixTest extends KeycloakIntegrationTest {

    private static final String DEMO_PASSWORD = "change-moi";
    private static final String SHORT_LIVED_CLIENT = "jekafo-courte-duree";
    private static final String MEMBER_QUERY = "query($id: ID) { member(id: $id) { id lastName } }";

    /** A token whose lifetime is one second, taken before the server starts: expired by the time it is tried. */
    private static String shortLivedToken;

    TestApi api;
    String segouUnit;
    String kayesUnit;
    String segouMember;
    String kayesMember;

    @BeforeAll
    static void shortLivedClient() {
        keycloak().admin().createClient(keycloak().realm(), Map.of("clientId", SHORT_LIVED_CLIENT,
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(Map.of("name", "audience jekafo", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                "included.custom.audience", "jekafo", "access.token.claim", "true")))));
        shortLivedToken = keycloak().tokens(SHORT_LIVED_CLIENT).passwordGrant("bureau", DEMO_PASSWORD);
    }

    @BeforeEach
    void setUp() {
        api = connect();
        segouUnit = api.unitId("SG-01");
        kayesUnit = api.unitId("KY-01");
        segouMember = register(segouUnit);
        kayesMember = register(kayesUnit);
    }

    @Test
    void theRealmsBureauGovernsTheStructureButRunsNoRebuild() {
        TestApi bureau = demo("bureau");

        var created = bureau.runText("mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) "
                + "{ orgUnit { code } } }", Map.of("input", Map.of("code", TestData.unitCode("KY"),
                "name", "Unité Keycloak", "level", "LOCAL", "parentId", api.unitId("KY"))));
        var rebuild = bureau.runText("mutation($input: RebuildProjectionInput!) { rebuildProjection(input: $input) "
                + "{ projection { name } } }", Map.of("input", Map.of("name", "org-unit-projection")));

        assertThat(created.<String>data("createOrgUnit.orgUnit.code")).startsWith("KY-");
        assertForbidden(rebuild);
    }

    @Test
    void theRealmsChapterOfficerReadsSegouButNotKayes() {
        TestApi officer = demo("responsable-segou");

        assertThat(officer.runText(MEMBER_QUERY, Map.of("id", segouMember)).<String>data("member.id"))
                .isEqualTo(segouMember);
        assertForbidden(officer.runText(MEMBER_QUERY, Map.of("id", kayesMember)));
    }

    @Test
    void theRealmsFieldAgentRegistersInItsUnitButNotInAnother() {
        TestApi agent = demo("agent-segou");

        var inReach = agent.run("registerMemberFull", "input", TestApi.registration("Keycloak" + TestData.suffix(),
                "Awa", "F", segouUnit));
        var outOfReach = agent.run("registerMemberFull", "input", TestApi.registration("Keycloak" + TestData.suffix(),
                "Awa", "F", kayesUnit));

        assertThat(inReach.<String>data("registerMember.member.id")).isNotBlank();
        assertForbidden(outOfReach);
    }

    @Test
    void anOfficerMadeForKayesReadsKayesButNotSegou() {
        TestApi officer = api.as(new ActingPrincipal("responsable-kayes", Role.CHAPTER_OFFICER, "KY", null));

        assertThat(officer.runText(MEMBER_QUERY, Map.of("id", kayesMember)).<String>data("member.id"))
                .isEqualTo(kayesMember);
        assertForbidden(officer.runText(MEMBER_QUERY, Map.of("id", segouMember)));
    }

    @Test
    void aMemberReadsTheirOwnRecordButNotAnothersRecord() {
        TestApi member = api.as(new ActingPrincipal("membre-" + TestData.suffix(), Role.MEMBER, null, segouMember));

        assertThat(member.runText(MEMBER_QUERY, Map.of("id", segouMember)).<String>data("member.id"))
                .isEqualTo(segouMember);
        assertThat(member.runText("{ me { memberId } }", Map.of()).<String>data("me.memberId")).isEqualTo(segouMember);
        assertForbidden(member.runText(MEMBER_QUERY, Map.of("id", kayesMember)));
    }

    @Test
    void theRealmsAuditorReadsAHistoryButRegistersNobody() {
        TestApi auditor = demo("auditrice");

        var history = auditor.runText("query($id: ID!) { memberHistory(id: $id) { type } }", Map.of("id", kayesMember));
        var registration = auditor.run("registerMemberFull", "input", TestApi.registration("Keycloak"
                + TestData.suffix(), "Awa", "F", segouUnit));

        assertThat(history.<List<?>>data("memberHistory")).isNotEmpty();
        assertForbidden(registration);
    }

    @Test
    void theRealmsOperatorWatchesProjectionsButGovernsNothing() {
        TestApi operator = demo("exploitation");

        var projections = operator.runText("{ projections { name } }", Map.of());
        var created = operator.runText("mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) "
                + "{ orgUnit { code } } }", Map.of("input", Map.of("code", TestData.unitCode("KY"),
                "name", "Unité refusée", "level", "LOCAL", "parentId", api.unitId("KY"))));

        assertThat(projections.<List<?>>data("projections")).isNotEmpty();
        assertForbidden(created);
    }

    @Test
    void meNamesTheRealmUserWithTheRoleAndUnitOfTheirToken() {
        Map<String, Object> me = demo("agent-segou").runText("{ me { name role unit { code } memberId } }", Map.of())
                .data("me");

        assertThat(me).containsEntry("name", "agent-segou").containsEntry("role", "FIELD_AGENT")
                .containsEntry("unit", Map.of("code", "SG-01")).containsEntry("memberId", null);
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() throws Exception {
        ObjectNode foreign = (ObjectNode) new ObjectMapper().readTree(keycloak().realmRepresentation());
        String realm = "etranger-" + TestData.suffix();
        foreign.put("realm", realm);
        keycloak().admin().createRealm(foreign.toString());
        String token = keycloak().tokens(realm, CLIENT).passwordGrant("bureau", DEMO_PASSWORD);

        assertThat(claims(token).path("iss").asText()).isEqualTo(keycloak().issuerUri(realm));
        assertStatus(token, HttpStatus.UNAUTHORIZED);
        assertStatus(realmTokens().passwordGrant("bureau", DEMO_PASSWORD), HttpStatus.OK);
    }

    /** Last: the longer the suite ran, the less it waits for the token to be past the server's clock skew (60 s). */
    @Test
    @Order(Integer.MAX_VALUE)
    void anExpiredTokenIsRefused() {
        Instant expiry = Instant.ofEpochSecond(claims(shortLivedToken).path("exp").asLong());
        assertThat(Duration.between(Instant.ofEpochSecond(claims(shortLivedToken).path("iat").asLong()), expiry))
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(expiry.plusSeconds(61)));

        assertStatus(shortLivedToken, HttpStatus.UNAUTHORIZED);
        assertStatus(keycloak().tokens(SHORT_LIVED_CLIENT).passwordGrant("bureau", DEMO_PASSWORD), HttpStatus.OK);
    }

    /** The API with the token of a demonstration user of the realm file. */
    private TestApi demo(String username) {
        return api.bearer(realmTokens().passwordGrant(username, DEMO_PASSWORD));
    }

    private String register(String unit) {
        return (String) api.register(TestApi.registration("Keycloak" + TestData.suffix(), "Kadia", "F", unit)).get("id");
    }

    private static void assertForbidden(TestApi.Answer answer) {
        assertThat(answer.singleError().getExtensions()).containsEntry("code", AccessRefusedException.FORBIDDEN);
    }

    private void assertStatus(String token, HttpStatus status) {
        api.anonymous().web().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { name } }")).exchange().expectStatus().isEqualTo(status);
    }

    private static JsonNode claims(String token) {
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT", e);
        }
    }
}
