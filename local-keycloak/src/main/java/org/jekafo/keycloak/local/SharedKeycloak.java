package org.jekafo.keycloak.local;

import java.nio.file.Path;

/** Holds the JVM-wide instance behind {@link LocalKeycloak#shared(Path)}. */
final class SharedKeycloak {

    private static LocalKeycloak instance;

    private SharedKeycloak() {
    }

    /** The shared instance, created on first call; a failed start is retried on the next call. */
    static synchronized LocalKeycloak get(Path realmFile) {
        Path requested = realmFile.toAbsolutePath().normalize();
        if (instance == null) {
            instance = LocalKeycloak.builder().realmFile(requested).keptUntilJvmExit().build().start();
        } else if (!instance.realmFile().equals(requested)) {
            throw new IllegalStateException("This JVM's Keycloak imported " + instance.realmFile() + ", not " + requested);
        }
        return instance;
    }
}
