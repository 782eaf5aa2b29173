package org.jekafo.app.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local RSA key that signs and verifies tokens when no external identity provider is configured: created
 * once in {@code <data-dir>/security/signing-key.jwk}, readable by its owner only, shared by the server and the
 * {@code ./jekafo token} command.
 */
public final class SigningKey {

    static final String ISSUER = "jekafo-local";
    /** The audience of every Jɛkafo token (the server's default {@code jekafo.security.audience}). */
    static final String AUDIENCE = "jekafo";

    private SigningKey() {
    }

    /** The key of this data folder, created (atomically, once) on first use. */
    public static RSAKey of(Path dataDir) {
        Path file = dataDir.resolve("security").resolve("signing-key.jwk");
        try {
            return RSAKey.parse(SecretFile.readOrCreate(file, SigningKey::generate));
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not a JWK", e);
        }
    }

    private static String generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate()
                    .toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }
}
