package org.jekafo.app.platform.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret kept in a file of the data folder: created once, atomically (the first of several processes wins and
 * the others read its secret), readable by its owner only.
 */
final class SecretFile {

    private SecretFile() {
    }

    /** The text of {@code file}, written first from {@code generate} when the file does not exist yet. */
    static String readOrCreate(Path file, Supplier<String> generate) {
        try {
            if (!Files.exists(file)) {
                create(file, generate);
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret " + file, e);
        }
    }

    private static void create(Path file, Supplier<String> generate) throws IOException {
        Files.createDirectories(file.getParent());
        Path draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            restrictToOwner(draft);
            Files.writeString(draft, generate.get(), StandardCharsets.UTF_8);
            try {
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(draft, file);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
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
