package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The node's credentials, generated once per data folder and kept in a file only its owner may read
 * ({@code rw-------}), so that every later start, and every process given the same data folder, finds them.
 */
final class CredentialsFile {

    static final String USERNAME = "jekafo";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PASSWORD_BYTES = 24;

    private CredentialsFile() {
    }

    /**
     * The credentials stored in {@code file}, created with a random password when it does not exist yet.
     * Concurrent creators agree: the file is published by one atomic link, the loser reads the winner's.
     */
    static LocalElasticsearch.Credentials loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path draft = Files.createTempFile(file.getParent(), ".credentials-", ".tmp", ownerOnly());
            try {
                Properties properties = new Properties();
                properties.setProperty("username", USERNAME);
                properties.setProperty("password", randomPassword());
                try (Writer out = Files.newBufferedWriter(draft, StandardCharsets.UTF_8)) {
                    properties.store(out, "Elasticsearch user of this data folder: keep this file private");
                }
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // read theirs below
            } finally {
                Files.deleteIfExists(draft);
            }
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        return read(file);
    }

    private static LocalElasticsearch.Credentials read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String username = properties.getProperty("username", "");
        String password = properties.getProperty("password", "");
        if (username.isBlank() || password.isBlank()) {
            throw new IOException(file + " holds no username and password: delete it to have new ones generated");
        }
        return new LocalElasticsearch.Credentials(username, password);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
