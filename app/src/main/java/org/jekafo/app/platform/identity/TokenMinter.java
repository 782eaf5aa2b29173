package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Signs access tokens with the local {@link SigningKey}: for development, tests and the {@code token} command. */
public final class TokenMinter {

    private final RSAKey key;

    public TokenMinter(RSAKey key) {
        this.key = key;
    }

    /** A token for {@code principal}, valid for {@code lifetime}. */
    public String mint(ActingPrincipal principal, Duration lifetime) {
        if (principal.role() == Role.SYSTEM) {
            throw new IllegalArgumentException("SYSTEM is the server's own role; no token carries it");
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(SigningKey.ISSUER).subject(principal.name())
                .audience(SigningKey.AUDIENCE)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime))).claim(TokenClaims.ROLES, List.of(principal.role().name()));
        if (principal.unitCode() != null) {
            claims.claim(TokenClaims.UNIT, principal.unitCode());
        }
        if (principal.memberId() != null) {
            claims.claim(TokenClaims.MEMBER, principal.memberId());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
