package org.jekafo.process.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a distribution zip into an installation folder, once.
 *
 * <p>The zip is unpacked into a temporary sibling folder, prepared there if asked (see
 * {@link #installOnce(Path, Path, Preparation)}), a marker file is added, and the folder is then renamed to its
 * final name in one atomic step. An installation folder therefore either does not exist or is complete, even
 * when several JVMs install at the same time.
 */
public final class ZipInstaller {

    public static final String MARKER = ".jekafo-installed";

    private static final Logger log = LoggerFactory.getLogger(ZipInstaller.class);

    private ZipInstaller() {
    }

    /**
     * Makes sure {@code home} holds the content of {@code zip} (without the zip's top-level folder).
     *
     * @return {@code home}
     */
    public static Path installOnce(Path zip, Path home) throws IOException {
        return installOnce(zip, home, unpacked -> {
        });
    }

    /**
     * As {@link #installOnce(Path, Path)}, running {@code preparation} on the unpacked folder before it is marked
     * complete and moved into place: what it writes is part of the installation, all or nothing.
     */
    public static Path installOnce(Path zip, Path home, Preparation preparation) throws IOException {
        if (isComplete(home)) {
            log.debug("{} is already installed", home);
            return home;
        }
        Path parent = home.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".unpack-");
        try {
            long started = System.nanoTime();
            unpack(zip, staging);
            preparation.prepare(staging);
            Files.createFile(staging.resolve(MARKER));
            discardIncomplete(home);
            moveIntoPlace(staging, home);
            log.info("Unpacked {} into {} in {} ms", zip.getFileName(), home, (System.nanoTime() - started) / 1_000_000);
        } finally {
            Directories.deleteRecursively(staging);
        }
        return home;
    }

    /** Whether {@code home} holds a complete installation. */
    public static boolean isComplete(Path home) {
        return Files.exists(home.resolve(MARKER));
    }

    private static void unpack(Path zip, Path target) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String relative = withoutTopLevelFolder(entry.getName());
                if (relative.isEmpty()) {
                    continue;
                }
                Path destination = target.resolve(relative).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry escapes the installation folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                    if (isExecutable(relative)) {
                        Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }

    private static String withoutTopLevelFolder(String entryName) {
        return entryName.substring(entryName.indexOf('/') + 1);
    }

    /** java.util.zip does not expose Unix modes, so scripts and native tools are recognised by location. */
    static boolean isExecutable(String relativePath) {
        return relativePath.startsWith("bin/") || relativePath.contains("/bin/");
    }

    /** Removes a folder left without marker by an older, non-atomic installation. */
    private static void discardIncomplete(Path home) throws IOException {
        if (Files.exists(home) && !isComplete(home)) {
            log.warn("Removing the incomplete installation in {}", home);
            Path trash = home.resolveSibling(".discarded-" + UUID.randomUUID());
            Files.move(home, trash, StandardCopyOption.ATOMIC_MOVE);
            Directories.deleteRecursively(trash);
        }
    }

    private static void moveIntoPlace(Path staging, Path home) throws IOException {
        try {
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            if (!isComplete(home)) {
                throw e;
            }
            log.debug("Another process completed the installation in {} first", home);
        }
    }

    /** A step that completes an unpacked installation (a build, a configuration) before it is put in place. */
    @FunctionalInterface
    public interface Preparation {

        /** Completes the installation unpacked in {@code unpacked}, its final name not yet given. */
        void prepare(Path unpacked) throws IOException;
    }
}
