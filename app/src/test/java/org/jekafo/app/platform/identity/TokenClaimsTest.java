package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenClaimsTest {

    private final TokenClaims claims = new TokenClaims();

    @Test
    void aLocalTokenNamesRoleUnitAndSubject() {
        ActingPrincipal principal = claims.convert(jwt(Map.of("sub", "awa", "roles", List.of("CHAPTER_OFFICER"),
                "unit", "SG"))).getPrincipal();

        assertThat(principal).isEqualTo(new ActingPrincipal("awa", Role.CHAPTER_OFFICER, "SG", null));
    }

    @Test
    void aKeycloakTokenGivesRealmRolesAndThePreferredUsername() {
        ActingPrincipal principal = claims.convert(jwt(Map.of("sub", "3f1c-uuid", "preferred_username", "moussa",
                "realm_access", Map.of("roles", List.of("offline_access", "MEMBER", "uma_authorization")),
                "member", "m-42"))).getPrincipal();

        assertThat(principal).isEqualTo(new ActingPrincipal("moussa", Role.MEMBER, null, "m-42"));
    }

    @Test
    void twoJekafoRolesAreAmbiguousAndRefused() {
        assertThatThrownBy(() -> claims.convert(jwt(Map.of("sub", "x", "roles", List.of("AUDITOR", "ADMIN")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void theServersOwnRoleIsNeverTakenFromAToken() {
        assertThatThrownBy(() -> claims.convert(jwt(Map.of("sub", "x", "roles", List.of("SYSTEM")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void aBoundedRoleWithoutItsUnitIsRefused() {
        assertThatThrownBy(() -> claims.convert(jwt(Map.of("sub", "x", "roles", List.of("FIELD_AGENT")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> claims.convert(jwt(Map.of("sub", "x", "roles", List.of("MEMBER")))))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }
}
