package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of one node: {@code root/data} ({@code path.data}), {@code root/logs}
 * ({@code path.logs}, which also receives the server's console output) and {@code root/tmp}
 * (the temporary files of the server and of its launcher, which would otherwise pile up in
 * {@code /tmp}).
 */
record NodeDirectories(Path root, Path data, Path logs, Path tmp) {

    /**
     * Creates the folders below {@code requested}, or below a folder the owner substitutes for it;
     * empties {@code tmp}.
     */
    static NodeDirectories create(Path requested, ProcessOwner owner) throws IOException {
        Path absolute = requested.toAbsolutePath().normalize();
        Path root = owner.usableDirectory(absolute, "nodes/" + absolute.toString().replaceAll("[^A-Za-z0-9._-]", "_"));
        NodeDirectories directories =
                new NodeDirectories(root, root.resolve("data"), root.resolve("logs"), root.resolve("tmp"));
        Directories.deleteRecursively(directories.tmp());
        for (Path folder : new Path[] {directories.data(), directories.logs(), directories.tmp()}) {
            Files.createDirectories(folder);
        }
        return directories;
    }

    /** Where the server's standard output and error go. */
    Path console() {
        return logs.resolve("console.log");
    }
}
