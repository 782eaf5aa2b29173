package org.jekafo.command.integrity;

import org.jekafo.integrity.CheckpointSignature;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server's Ed25519 key that signs checkpoints: the file {@code jekafo.integrity.signing-key-file} (production:
 * the same file on every instance), else {@code <data-dir>/security/integrity-key}, created on first use, readable
 * by its owner only. The file holds two lines, {@code public=} and {@code private=}, base64 of the standard
 * encodings (X.509, PKCS#8). Its public key is what a funder or a newspaper publishes beside the checkpoints.
 */
@Component
class IntegrityKeys {

    private final Path file;
    private volatile KeyPair keys;

    IntegrityKeys(@Value("${jekafo.integrity.signing-key-file:}") String configured,
                  @Value("${jekafo.data-dir}") Path dataDir) {
        this.file = configured.isBlank() ? dataDir.resolve("security").resolve("integrity-key") : Path.of(configured);
    }

    KeyPair keys() {
        KeyPair loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    /** The public key, base64 of its X.509 encoding. */
    String publicKey() {
        return CheckpointSignature.encode(keys().getPublic());
    }

    private KeyPair load() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            Map<String, String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("="))
                    .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')).strip(),
                            line -> line.substring(line.indexOf('=') + 1).strip()));
            if (!lines.containsKey("public") || !lines.containsKey("private")) {
                throw new IllegalStateException("the integrity key file " + file + " lacks its public= or private= line");
            }
            return CheckpointSignature.decode(lines.get("public"), lines.get("private"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the integrity key " + file, e);
        }
    }

    /** Writes a new key pair atomically; when another process wrote it first, theirs is kept. */
    private void create() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), "integrity-key", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own protection applies
            }
            KeyPair generated = CheckpointSignature.generate();
            Files.writeString(draft, "public=" + CheckpointSignature.encode(generated.getPublic()) + "\nprivate="
                    + CheckpointSignature.encode(generated.getPrivate()) + "\n", StandardCharsets.UTF_8);
            if (!Files.exists(file)) {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException anotherWasFirst) {
            // keep theirs
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
