package org.jekafo.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jekafo.process.local.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm of docker-compose.yml, imported into this JVM's Keycloak: its users, roles and claims, as tokens show them. */
class LocalKeycloakTest {

    static final Path REALM_FILE = Path.of("..", "keycloak", "jekafo-realm.json");
    static final String CLIENT = "jekafo-portal";

    static LocalKeycloak keycloak;

    @BeforeAll
    static void start() {
        assumeTrue(LocalKeycloak.java().isPresent(), () -> "Keycloak not tested: " + LocalKeycloak.javaMissing().orElse(""));
        keycloak = LocalKeycloak.shared(REALM_FILE);
    }

    @Test
    void aDemonstrationUserGetsATokenForJekafoWithItsRoleAndUnit() {
        JsonNode claims = claims(keycloak.tokens(CLIENT).passwordGrant("agent-segou", "change-moi"));

        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuerUri());
        assertThat(claims.path("aud").toString()).contains("\"jekafo\"");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"FIELD_AGENT\"");
        assertThat(claims.path("unit").asText()).isEqualTo("SG-01");
        assertThat(claims.path("preferred_username").asText()).isEqualTo("agent-segou");
        assertThat(claims.has("exp")).isTrue();
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> keycloak.tokens(CLIENT).passwordGrant("bureau", "pas-le-bon"))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void tokenForMakesAUserWithTheRoleUnitAndMemberAsked() {
        JsonNode member = claims(keycloak.tokens(CLIENT).tokenFor("MEMBER", "membre-test", null, "m-42"));
        JsonNode officer = claims(keycloak.tokens(CLIENT).tokenFor("CHAPTER_OFFICER", "responsable-ky", "KY", null));

        assertThat(member.path("realm_access").path("roles").toString()).contains("\"MEMBER\"");
        assertThat(member.path("member").asText()).isEqualTo("m-42");
        assertThat(member.has("unit")).isFalse();
        assertThat(officer.path("unit").asText()).isEqualTo("KY");
        assertThat(officer.path("preferred_username").asText()).isEqualTo("responsable-ky");
    }

    @Test
    void tokenForTheSameSubjectWithAnotherRoleReplacesTheRole() {
        keycloak.tokens(CLIENT).tokenFor("AUDITOR", "changeant", null, null);

        JsonNode claims = claims(keycloak.tokens(CLIENT).tokenFor("FIELD_AGENT", "changeant", "KY-01", null));

        assertThat(claims.path("realm_access").path("roles").toString()).contains("\"FIELD_AGENT\"")
                .doesNotContain("AUDITOR");
        assertThat(claims.path("unit").asText()).isEqualTo("KY-01");
    }

    @Test
    void everyPortOfTheServerListensOnLoopbackOnly() {
        Set<Long> pids = Stream.concat(keycloak.process().stream(), keycloak.process().stream()
                .flatMap(ProcessHandle::descendants)).map(ProcessHandle::pid).collect(Collectors.toSet());
        List<String> listening = Commands.run("ss", "-ltnpH").lines()
                .filter(line -> pids.stream().anyMatch(pid -> line.contains("pid=" + pid + ",")))
                .collect(Collectors.toList());

        assertThat(listening).isNotEmpty().allSatisfy(line -> assertThat(line.split("\\s+")[3]).contains("127.0.0.1"));
    }

    @Test
    void theStartTimeIsKnown() {
        assertThat(keycloak.startupTime()).isPositive();
    }

    static JsonNode claims(String token) {
        try {
            String payload = token.split("\\.")[1];
            return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("not a JWT: " + token, e);
        }
    }
}
