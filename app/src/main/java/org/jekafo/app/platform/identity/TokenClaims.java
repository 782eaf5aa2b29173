package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the principal a token names. Roles come from the {@code roles} claim (local tokens) or from
 * Keycloak's {@code realm_access.roles}; exactly one Jɛkafo role is required. {@code unit} is the code of
 * the org unit the role is bounded to, {@code member} the member's own record; the name is
 * {@code preferred_username} when present (Keycloak), else the subject.
 */
final class TokenClaims implements Converter<Jwt, TokenAuthentication> {

    static final String ROLES = "roles";
    static final String UNIT = "unit";
    static final String MEMBER = "member";

    @Override
    public TokenAuthentication convert(Jwt jwt) {
        List<Role> roles = roles(jwt).stream().map(Role::grantable).flatMap(Optional::stream).distinct().toList();
        if (roles.size() != 1) {
            throw invalid("the token must carry exactly one Jɛkafo role, found " + roles);
        }
        String name = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        try {
            return new TokenAuthentication(jwt, new ActingPrincipal(name, roles.get(0), jwt.getClaimAsString(UNIT),
                    jwt.getClaimAsString(MEMBER)));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static Collection<String> roles(Jwt jwt) {
        List<String> names = new ArrayList<>();
        if (jwt.getClaimAsStringList(ROLES) != null) {
            names.addAll(jwt.getClaimAsStringList(ROLES));
        }
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> realmRoles) {
            realmRoles.forEach(role -> names.add(String.valueOf(role)));
        }
        return names;
    }

    private static OAuth2AuthenticationException invalid(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }
}
