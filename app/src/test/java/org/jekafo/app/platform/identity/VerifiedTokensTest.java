package org.jekafo.app.platform.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens verified once and kept: the claims are checked at every use, and only the very string verified is kept. */
class VerifiedTokensTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final RSAKey key = newKey();
    private final TokenMinter minter = new TokenMinter(key);
    private final VerifiedTokens tokens = tokens(key);

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() {
        String token = minter.mint(new ActingPrincipal("awa", Role.AUDITOR, null, null), Duration.ofMinutes(5));
        assertThat(tokens.decode(token).getSubject()).isEqualTo("awa");

        now.set(now.get().plus(Duration.ofMinutes(7))); // past expiry and the validator's minute of clock skew

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenWhoseSignatureWasChangedIsRefusedAfterTheGenuineOneWasKept() {
        String token = minter.mint(new ActingPrincipal("awa", Role.AUDITOR, null, null), Duration.ofMinutes(5));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedWhateverWasKept() {
        String genuine = minter.mint(new ActingPrincipal("awa", Role.AUDITOR, null, null), Duration.ofMinutes(5));
        tokens.decode(genuine);
        String foreign = new TokenMinter(newKey()).mint(new ActingPrincipal("awa", Role.ADMIN, null, null),
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode(foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenWhoseKeyWasWithdrawnIsRefusedOnceItsKeptTimeIsUp() {
        AtomicReference<RSAKey> trusted = new AtomicReference<>(key);
        VerifiedTokens rotating = tokens(trusted);
        String token = minter.mint(new ActingPrincipal("awa", Role.AUDITOR, null, null), Duration.ofHours(2));
        rotating.decode(token);

        trusted.set(newKey()); // the identity provider's key set no longer holds the key
        now.set(now.get().plus(SecurityConfiguration.VERIFIED_TOKENS_KEPT.plusSeconds(1)));

        assertThatThrownBy(() -> rotating.decode(token)).isInstanceOf(JwtException.class);
    }

    /** Tokens verified with whatever key {@code trusted} holds at the time, as with an identity provider's key set. */
    private VerifiedTokens tokens(AtomicReference<RSAKey> trusted) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                (selector, context) -> selector.select(new JWKSet(trusted.get().toPublicJWK()))));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the claims are the validator's
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> validator = validator();
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, SecurityConfiguration.VERIFIED_TOKENS_KEPT, clock);
    }

    private VerifiedTokens tokens(RSAKey verifying) {
        return tokens(new AtomicReference<>(verifying));
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(SigningKey.ISSUER));
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
