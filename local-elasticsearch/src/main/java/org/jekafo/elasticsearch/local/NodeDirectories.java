package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of one node: {@code root/data} ({@code path.data}), {@code root/logs}
 * ({@code path.logs}) and, in the latter, the server's console output.
 */
record NodeDirectories(Path root, Path data, Path logs) {

    /** Creates the folders below {@code requested}, or below a folder the owner substitutes for it. */
    static NodeDirectories create(Path requested, ProcessOwner owner) throws IOException {
        Path absolute = requested.toAbsolutePath().normalize();
        Path root = owner.usableDirectory(absolute, "nodes/" + absolute.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        NodeDirectories directories = new NodeDirectories(root, root.resolve("data"), root.resolve("logs"));
        Files.createDirectories(directories.data());
        Files.createDirectories(directories.logs());
        return directories;
    }

    /** Where the server's standard output and error go. */
    Path console() {
        return logs.resolve("console.log");
    }
}
