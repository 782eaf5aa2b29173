package org.jekafo.keycloak.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jekafo.process.local.BuiltVersion;
import org.jekafo.process.local.MavenCentral;
import org.jekafo.process.local.ZipInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak's server distribution, {@code org.keycloak:keycloak-quarkus-dist} (zip): its version (filtered in at
 * build time), taken from the local Maven repository or Maven Central, unpacked once per machine into
 * {@code ~/.jekafo/keycloak/keycloak-<version>} and built there for what every local server runs with
 * ({@link #BUILD_OPTIONS}), so that each start is an optimized one: {@code start-dev} would build it again, half a
 * minute, at every start, and write into the installation that the JVMs of this machine share.
 */
final class KeycloakDistribution {

    /** Build-time options: an in-memory database (each server starts empty, then imports its realm), health checks. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-mem", "--health-enabled=true");

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);
    private static final String GROUP = "org.keycloak";
    private static final String ARTIFACT = "keycloak-quarkus-dist";

    private KeycloakDistribution() {
    }

    /** The Keycloak version this module was built for, e.g. {@code 26.7.3}. */
    static String version() {
        return BuiltVersion.of(KeycloakDistribution.class, "local-keycloak.properties");
    }

    /** The built installation of {@code version}, made on first use with the JDK in {@code javaHome}. */
    static Path install(String version, Path javaHome) throws IOException {
        Path home = Path.of(System.getProperty("user.home"), ".jekafo", "keycloak", "keycloak-" + version);
        if (ZipInstaller.isComplete(home)) {
            log.info("Keycloak {} is installed in {}", version, home);
            return home;
        }
        Path zip = MavenCentral.obtain(GROUP, ARTIFACT, version, "zip");
        return ZipInstaller.installOnce(zip, home, unpacked -> build(unpacked, javaHome));
    }

    /** {@code kc.sh build} with {@link #BUILD_OPTIONS}, in the folder not yet moved into place. */
    private static void build(Path unpacked, Path javaHome) throws IOException {
        long started = System.nanoTime();
        Path output = Files.createTempFile("jekafo-keycloak-build-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(KeycloakCommand.script(unpacked).toString(), "build")
                    .directory(unpacked.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.command().addAll(BUILD_OPTIONS);
            builder.environment().put("JAVA_HOME", javaHome.toString());
            int exitCode = builder.start().waitFor();
            if (exitCode != 0) {
                throw new IOException("Building Keycloak failed with exit code " + exitCode + ":"
                        + System.lineSeparator() + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while building Keycloak", e);
        } finally {
            Files.deleteIfExists(output);
        }
        log.info("Built Keycloak ({}) in {} s", String.join(" ", BUILD_OPTIONS), (System.nanoTime() - started) / 1_000_000_000);
    }
}
