package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jekafo.process.local.Directories;

/**
 * The folders of one node: {@code root/data} ({@code path.data}), {@code root/logs}
 * ({@code path.logs}, which also receives the server's console output), {@code root/config}
 * ({@code ES_PATH_CONF}, see {@link NodeConfiguration}) and {@code root/tmp} (the temporary files of the
 * server and of its launcher, which would otherwise pile up in {@code /tmp}), beside the credentials file.
 * The root is open to its owner only ({@code rwx------}): other users of the machine read nothing of it.
 */
record NodeDirectories(Path root, Path data, Path logs, Path config, Path tmp) {

    /**
     * Creates the folders below {@code requested}, or below a folder the owner substitutes for it;
     * empties {@code tmp}; closes the root to everyone but its owner.
     */
    static NodeDirectories create(Path requested, ProcessOwner owner) throws IOException {
        Path absolute = requested.toAbsolutePath().normalize();
        Path root = owner.usableDirectory(absolute, "nodes/" + absolute.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        NodeDirectories directories = new NodeDirectories(root, root.resolve("data"), root.resolve("logs"),
                root.resolve("config"), root.resolve("tmp"));
        Directories.deleteRecursively(directories.tmp());
        for (Path folder : new Path[] {directories.data(), directories.logs(), directories.config(), directories.tmp()}) {
            Files.createDirectories(folder);
        }
        return directories;
    }

    /** Where the server's standard output and error go. */
    Path console() {
        return logs.resolve("console.log");
    }

    /** The user name and password of the node (see {@link CredentialsFile}). */
    Path credentials() {
        return root.resolve("credentials");
    }
}
