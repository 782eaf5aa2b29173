package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;

/** A request authenticated by a valid bearer token, with the principal the token names. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final transient Jwt token;
    private final ActingPrincipal principal;

    TokenAuthentication(Jwt token, ActingPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + principal.role().name())));
        this.token = token;
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public ActingPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
