package org.jekafo.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
            if (!Files.exists(file)) {
                create(file);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the signing key " + file + " is not a JWK", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path draft = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
        try {
            restrictToOwner(draft);
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .generate();
            Files.writeString(draft, key.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(draft, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }
}
