package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The node's one user, written into Elasticsearch's file realm ({@code users}, {@code users_roles} and
 * {@code roles.yml} in its configuration folder): least privilege for the application, which may monitor the
 * cluster and do anything to the indices and aliases named {@value #INDICES}, and nothing else. No
 * superuser exists: {@code elastic} has no password, so it cannot log in.
 */
final class FileRealm {

    static final String ROLE = "jekafo_app";
    static final String INDICES = "jekafo-*";

    /** Elasticsearch's {@code {PBKDF2}} hash: PBKDF2 with HMAC-SHA512, 10,000 iterations, 32-byte salt and key. */
    private static final String HASH_PREFIX = "{PBKDF2}";
    private static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FileRealm() {
    }

    /** Writes the user, its role and the role's privileges into {@code configFolder}, replacing what was there. */
    static void write(Path configFolder, LocalElasticsearch.Credentials credentials) throws IOException {
        writeOwnerOnly(configFolder.resolve("roles.yml"), ROLE + ":\n"
                + "  cluster: [\"monitor\"]\n"
                + "  indices:\n"
                + "    - names: [\"" + INDICES + "\"]\n"
                + "      privileges: [\"all\"]\n");
        writeOwnerOnly(configFolder.resolve("users"), credentials.username() + ":" + hash(credentials.password()) + "\n");
        writeOwnerOnly(configFolder.resolve("users_roles"), ROLE + ":" + credentials.username() + "\n");
    }

    static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return HASH_PREFIX + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BITS))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot hash with PBKDF2WithHmacSHA512", e);
        }
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, CredentialsFile.ownerOnly());
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
