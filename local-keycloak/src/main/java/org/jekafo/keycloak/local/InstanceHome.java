package org.jekafo.keycloak.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The Keycloak home of one server: its own {@code data} folder (the realm to import in {@code data/import},
 * Keycloak's temporary files and transaction logs), its own copy of {@code bin/kc.sh} (which takes the folder above
 * its own real path as the home), and links to the shared installation's {@code lib}, {@code providers},
 * {@code themes} and {@code conf}. Servers of several JVMs therefore never write into each other's files nor into
 * the installation. The root, beside the console output, is open to its owner only: it holds the bootstrap
 * administrator's password in the server's environment only, but the realm file's users and their passwords.
 *
 * @param root    the folder of this server, deleted when it stops
 * @param home    {@code kc.home.dir}
 * @param console where the server's standard output and error go
 */
record InstanceHome(Path root, Path home, Path console) {

    private static final List<String> SHARED = List.of("lib", "providers", "themes", "conf");

    /** Lays out a home for {@code installation} in a new temporary folder, with {@code realmFile} to import. */
    static InstanceHome create(Path installation, Path realmFile) throws IOException {
        Path root = Files.createTempDirectory("jekafo-keycloak-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Path home = root.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(KeycloakCommand.script(installation), KeycloakCommand.script(home), StandardCopyOption.COPY_ATTRIBUTES);
        for (String folder : SHARED) {
            Files.createSymbolicLink(home.resolve(folder), installation.resolve(folder));
        }
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()));
        return new InstanceHome(root, home, root.resolve("console.log"));
    }
}
