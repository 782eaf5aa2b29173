package org.jekafo.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakJavaTest {

    @TempDir
    Path jvms;

    @Test
    void theNewestJdkOfAtLeast21IsChosenWhenThisJvmIsOlder() throws IOException {
        Path old = jdk("java-17", "17.0.15");
        jdk("temurin-21", "21.0.4");
        Path newest = jdk("temurin-25", "25.0.3");

        KeycloakJava java = KeycloakJava.find(null, null, old, jvms);

        assertThat(java.home()).contains(newest);
    }

    @Test
    void thisJvmServesWhenRecentEnough() throws IOException {
        Path current = jdk("temurin-21", "21.0.4");
        jdk("temurin-25", "25.0.3");

        assertThat(KeycloakJava.find(null, null, current, jvms).home()).contains(current);
    }

    @Test
    void theConfiguredJdkComesFirst() throws IOException {
        Path configured = jdk("temurin-21", "21.0.4");
        jdk("temurin-25", "25.0.3");

        assertThat(KeycloakJava.find(null, configured.toString(), jdk("java-17", "17.0.15"), jvms).home())
                .contains(configured);
    }

    @Test
    void withoutAJdkOf21TheReasonSaysWhatToDo() throws IOException {
        Path old = jdk("java-17", "17.0.15");

        KeycloakJava java = KeycloakJava.find(null, null, old, jvms);

        assertThat(java.home()).isEmpty();
        assertThat(java.reason()).contains("Java 21").contains(KeycloakJava.VARIABLE);
    }

    @Test
    void aConfiguredFolderThatIsNoRecentJdkIsRefusedWithItsName() throws IOException {
        Path old = jdk("java-17", "17.0.15");
        jdk("temurin-25", "25.0.3");

        KeycloakJava java = KeycloakJava.find(old.toString(), null, old, jvms);

        assertThat(java.home()).isEmpty();
        assertThat(java.reason()).contains(old.toString());
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
