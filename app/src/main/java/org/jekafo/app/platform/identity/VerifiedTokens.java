package org.jekafo.app.platform.identity;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The token decoder, keeping the tokens whose signature it verified for {@code kept} (a minute): a client sends the
 * same token with every request, and checking its RSA signature again (with decoding it) cost a tenth of a read's CPU
 * (JFR, read benchmark). A kept token is the same string, byte for byte, as one whose signature was verified; its
 * claims are checked again at every use by the same validator (expiry, issuer, audience), so an expired token is
 * refused at once. A key removed from the identity provider's key set stops verifying kept tokens within
 * {@code kept}, well within the 5 minutes the key set itself is kept by the decoder. The {@value #SIZE} most
 * recently used tokens are kept.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int SIZE = 1_000;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration kept;
    private final Clock clock;
    private final Map<String, Verified> verified = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > SIZE;
        }
    };

    /** @param validator what {@code decoder} checks the claims with, checked again at each use of a kept token */
    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration kept, Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known;
        synchronized (verified) {
            known = verified.get(token);
        }
        if (known != null && now.isBefore(known.until()) && !validator.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        Jwt jwt = decoder.decode(token); // refuses, with the decoder's own error, what it does not verify
        synchronized (verified) {
            verified.put(token, new Verified(jwt, now.plus(kept)));
        }
        return jwt;
    }
}
