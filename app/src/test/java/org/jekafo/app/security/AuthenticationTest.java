package org.jekafo.app.security;

import org.jekafo.app.platform.identity.SigningKey;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.TestAxonServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.SEGOU_AGENT;
import static org.jekafo.app.TestApi.SEGOU_OFFICER;

/** Tokens: who they let in, what the server then knows of the caller, and how a bounded caller's reach shows. */
class AuthenticationTest extends IntegrationTest {

    TestApi api;

    @BeforeEach
    void setUp() {
        api = connect();
    }

    @Test
    void aRequestWithoutTokenIsRefusedAsUnauthenticated() {
        var error = api.anonymous().runText("{ me { name } }", Map.of()).singleError();

        TestApi.assertRefused(error, "UNAUTHENTICATED", null);
    }

    @Test
    void introspectionWithoutTokenIsRefusedAsUnauthenticated() {
        Assumptions.assumeFalse(TestAxonServer.profileActive(), "the axonserver profile (production) turns introspection off");
        for (String introspection : List.of("{ __schema { queryType { name } } }", "{ __type(name: \"Member\") { name } }")) {
            var answer = api.anonymous().runText(introspection, Map.of());

            TestApi.assertRefused(answer.singleError(), "UNAUTHENTICATED", null);
            assertThat(String.valueOf((Object) answer.response().getData())).as(introspection)
                    .doesNotContain("Query").doesNotContain("Member");
        }
    }

    @Test
    void introspectionWithATokenAnswersWhateverTheRole() {
        Assumptions.assumeFalse(TestAxonServer.profileActive(), "the axonserver profile (production) turns introspection off");
        var answer = api.as(SEGOU_AGENT).runText("{ __schema { queryType { name } } __type(name: \"Member\") "
                + "{ fields { name } } }", Map.of());

        assertThat(answer.<String>data("__schema.queryType.name")).isEqualTo("Query");
        assertThat(answer.<List<?>>data("__type.fields")).isNotEmpty();
    }

    @Test
    void aTokenThatIsNotOursIsRefusedWithHttp401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).generate();
        String forged = sign(stranger, claims("intrus", List.of("EXECUTIVE_BUREAU")).build());

        assertStatus(forged, HttpStatus.UNAUTHORIZED);
        assertStatus("pas-un-jeton", HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anExpiredTokenIsRefusedWithHttp401() {
        var claims = claims("ancien", List.of("EXECUTIVE_BUREAU"))
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build();

        assertStatus(sign(localKey(), claims), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aTokenMeantForAnotherApplicationOrThatNeverExpiresIsRefused() {
        Assumptions.assumeFalse(TestAxonServer.profileActive(), "tokens signed with the local key: the axonserver profile trusts only its identity provider");
        assertStatus(sign(localKey(), claims("autre-appli", List.of("EXECUTIVE_BUREAU")).audience("account").build()),
                HttpStatus.UNAUTHORIZED);
        assertStatus(sign(localKey(), claims("sans-audience", List.of("EXECUTIVE_BUREAU")).audience((String) null).build()),
                HttpStatus.UNAUTHORIZED);
        assertStatus(sign(localKey(), claims("eternel", List.of("EXECUTIVE_BUREAU")).expirationTime(null).build()),
                HttpStatus.UNAUTHORIZED);
        assertStatus(sign(localKey(), claims("valide", List.of("EXECUTIVE_BUREAU")).build()), HttpStatus.OK);
    }

    @Test
    void aTokenMustCarryExactlyOneGrantableRole() {
        assertStatus(sign(localKey(), claims("deux-roles", List.of("AUDITOR", "ADMIN")).build()), HttpStatus.UNAUTHORIZED);
        assertStatus(sign(localKey(), claims("systeme", List.of("SYSTEM")).build()), HttpStatus.UNAUTHORIZED);
        assertStatus(sign(localKey(), claims("agent-sans-unite", List.of("FIELD_AGENT")).build()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void meDescribesTheCallerFromTheToken() {
        Map<String, Object> me = api.as(SEGOU_OFFICER)
                .runText("{ me { name role roleLabel unit { code } memberId } }", Map.of()).data("me");

        assertThat(me).containsEntry("name", "responsable-sg").containsEntry("role", "CHAPTER_OFFICER")
                .containsEntry("roleLabel", "responsable de section").containsEntry("unit", Map.of("code", "SG"))
                .containsEntry("memberId", null);
    }

    @Test
    void theEventsRecordThePrincipalAndRoleOfTheToken() {
        String memberId = (String) api.as(SEGOU_AGENT).register(TestApi.registration("Jeton" + TestData.suffix(), "Kadia",
                "F", api.unitId("SG-01"))).get("id");

        List<Map<String, Object>> history = api.history(memberId);

        assertThat(history).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("principal", "agent-sg01").containsEntry("role", "FIELD_AGENT"));
    }

    @Test
    void aFieldAgentsSearchesStayWithinTheirUnitAndAnOfficersWithinTheirRegion() {
        String name = "Portee" + TestData.suffix();
        api.register(TestApi.registration(name, "Awa", "F", api.unitId("SG-01")));
        api.register(TestApi.registration(name, "Bintou", "F", api.unitId("SG-02")));
        api.register(TestApi.registration(name, "Coumba", "F", api.unitId("KY-01")));
        Map<String, Object> filter = Map.of("name", name);

        assertThat(api.as(SEGOU_AGENT).memberList(filter)).extracting(m -> m.get("firstName")).containsExactly("Awa");
        assertThat(api.as(SEGOU_OFFICER).memberList(filter)).extracting(m -> m.get("firstName"))
                .containsExactlyInAnyOrder("Awa", "Bintou");
        assertThat(api.memberList(filter)).hasSize(3);
        assertThat(api.as(SEGOU_AGENT).memberCounts(filter)).containsEntry("total", 1);
    }

    @Test
    void healthShowsItsDetailsToAdministratorsOnly() {
        api.anonymous().web().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.eventStore.status").isEqualTo("UP")
                .jsonPath("$.components.eventStore.details").doesNotExist();
        api.as(TestApi.OPERATOR).web().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.eventStore.details").exists();
    }

    @Test
    void operationsMetricsNeedAnAdministrator() {
        api.web().get().uri("/actuator/health").exchange().expectStatus().isOk();
        api.anonymous().web().get().uri("/actuator/metrics").exchange().expectStatus().isUnauthorized();
        api.web().get().uri("/actuator/metrics").exchange().expectStatus().isForbidden();
        api.as(TestApi.OPERATOR).web().get().uri("/actuator/metrics")
                .exchange().expectStatus().isOk();
    }

    private void assertStatus(String token, HttpStatus status) {
        api.anonymous().web().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(Map.of("query", "{ me { name } }")).exchange().expectStatus().isEqualTo(status);
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        return new JWTClaimsSet.Builder().issuer("jekafo-local").audience("jekafo").subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    private static RSAKey localKey() {
        return SigningKey.of(dataDir());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
