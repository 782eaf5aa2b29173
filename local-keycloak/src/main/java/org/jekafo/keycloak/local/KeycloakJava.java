package org.jekafo.keycloak.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDK Keycloak runs on: Keycloak 26 needs Java {@value #MINIMUM} or later, while Jɛkafo builds and tests on
 * Java 17. Chosen in this order: the system property {@value #PROPERTY}, the environment variable
 * {@value #VARIABLE}, this JVM when it is recent enough, else the newest JDK of at least that version under
 * {@value #JVM_FOLDER}.
 *
 * @param home   the JDK's folder, when one fits
 * @param reason why none fits, when none does
 */
record KeycloakJava(Optional<Path> home, String reason) {

    static final int MINIMUM = 21;
    static final String PROPERTY = "jekafo.keycloak.java-home";
    static final String VARIABLE = "JEKAFO_KEYCLOAK_JAVA_HOME";
    static final String JVM_FOLDER = "/usr/lib/jvm";

    /** The JDK for this JVM's Keycloak, or why there is none. */
    static KeycloakJava find() {
        return find(System.getProperty(PROPERTY), System.getenv(VARIABLE), Path.of(System.getProperty("java.home")),
                Path.of(JVM_FOLDER));
    }

    static KeycloakJava find(String property, String variable, Path thisJvm, Path jvmFolder) {
        Optional<String> configured = Stream.of(property, variable).filter(value -> value != null && !value.isBlank())
                .findFirst();
        if (configured.isPresent()) {
            Path home = Path.of(configured.get().strip());
            return majorVersion(home).filter(major -> major >= MINIMUM)
                    .map(major -> new KeycloakJava(Optional.of(home), null))
                    .orElseGet(() -> none(PROPERTY + " / " + VARIABLE + " names " + home + ", which is no JDK "
                            + MINIMUM + " or later"));
        }
        if (majorVersion(thisJvm).filter(major -> major >= MINIMUM).isPresent()) {
            return new KeycloakJava(Optional.of(thisJvm), null);
        }
        return newestUnder(jvmFolder).map(home -> new KeycloakJava(Optional.of(home), null))
                .orElseGet(() -> none("Keycloak needs Java " + MINIMUM + " or later: this JVM is older and "
                        + jvmFolder + " holds no such JDK; install one (e.g. apt-get install openjdk-21-jdk-headless) "
                        + "or name it with " + VARIABLE));
    }

    private static KeycloakJava none(String reason) {
        return new KeycloakJava(Optional.empty(), reason);
    }

    private static Optional<Path> newestUnder(Path jvmFolder) {
        if (!Files.isDirectory(jvmFolder)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(jvmFolder)) {
            return candidates.filter(home -> !Files.isSymbolicLink(home))
                    .filter(home -> majorVersion(home).filter(major -> major >= MINIMUM).isPresent())
                    .max(Comparator.comparing((Path home) -> majorVersion(home).orElse(0))
                            .thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version of the JDK in {@code home} ({@code JAVA_VERSION} of its {@code release} file), if it is one. */
    static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.startsWith("1.") ? version.substring(2) : version;
        try {
            return Optional.of(Integer.parseInt(feature.split("[.+-]")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
