package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The node's own configuration folder ({@code ES_PATH_CONF}): the installation's files, then the node's
 * secrets, which therefore never land in the installation that all nodes of this machine share — its file
 * realm user (see {@link FileRealm}) and its transport certificate (see {@link TransportCertificate}).
 */
final class NodeConfiguration {

    /** Files of the installation's configuration folder this class writes itself. */
    private static final Set<String> OWN_FILES = Set.of("users", "users_roles", "roles.yml", "elasticsearch.keystore");

    private NodeConfiguration() {
    }

    /** Fills {@code directories.config()} from {@code home}'s configuration and the node's credentials. */
    static void write(Path home, NodeDirectories directories, LocalElasticsearch.Credentials credentials)
            throws IOException {
        Path source = home.resolve("config");
        Path target = directories.config();
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(file -> !OWN_FILES.contains(file.getFileName().toString())).forEach(file -> {
                Path copy = target.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        FileRealm.write(target, credentials);
        TransportCertificate.ensure(target);
    }
}
