package org.jekafo.process.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipInstallerTest {

    @TempDir
    Path folder;

    @Test
    void unpacksWithoutTheTopLevelFolder() throws IOException {
        Path home = ZipInstaller.installOnce(zip("v1", Map.of("top/config/jvm.options", "-Xss1m")), folder.resolve("home"));

        assertThat(home.resolve("config/jvm.options")).hasContent("-Xss1m");
    }

    @Test
    void makesFilesUnderBinFoldersExecutable() throws IOException {
        Path home = ZipInstaller.installOnce(zip("v1", Map.of(
                "top/bin/elasticsearch", "#!/bin/bash",
                "top/modules/x-pack-ml/platform/linux-x86_64/bin/controller", "binary",
                "top/lib/server.jar", "jar")), folder.resolve("home"));

        assertThat(home.resolve("bin/elasticsearch")).isExecutable();
        assertThat(home.resolve("modules/x-pack-ml/platform/linux-x86_64/bin/controller")).isExecutable();
        assertThat(Files.isExecutable(home.resolve("lib/server.jar"))).isFalse();
    }

    @Test
    void marksTheInstallationComplete() throws IOException {
        Path home = ZipInstaller.installOnce(zip("v1", Map.of("top/README", "v1")), folder.resolve("home"));

        assertThat(ZipInstaller.isComplete(home)).isTrue();
    }

    @Test
    void leavesACompleteInstallationAlone() throws IOException {
        Path home = folder.resolve("home");
        ZipInstaller.installOnce(zip("v1", Map.of("top/README", "v1")), home);

        ZipInstaller.installOnce(zip("v2", Map.of("top/README", "v2")), home);

        assertThat(home.resolve("README")).hasContent("v1");
    }

    @Test
    void replacesAnInstallationWithoutMarker() throws IOException {
        Path home = Files.createDirectories(folder.resolve("home"));
        Files.writeString(home.resolve("half-written"), "");

        ZipInstaller.installOnce(zip("v1", Map.of("top/README", "v1")), home);

        assertThat(home.resolve("README")).hasContent("v1");
        assertThat(home.resolve("half-written")).doesNotExist();
    }

    @Test
    void refusesEntriesThatEscapeTheInstallationFolder() throws IOException {
        Path zip = zip("evil", Map.of("top/../../outside", "x"));

        assertThatThrownBy(() -> ZipInstaller.installOnce(zip, folder.resolve("home"))).isInstanceOf(IOException.class);
        assertThat(folder.resolve("outside")).doesNotExist();
    }

    @Test
    void leavesNoStagingFolderBehind() throws IOException {
        ZipInstaller.installOnce(zip("v1", Map.of("top/README", "v1")), folder.resolve("home"));

        try (var children = Files.list(folder)) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("v1.zip", "home");
        }
    }

    @Test
    void aPreparationWritesIntoTheInstallationBeforeItIsInPlace() throws IOException {
        Path home = folder.resolve("home");

        ZipInstaller.installOnce(zip("v1", Map.of("top/README", "v1")), home, unpacked -> {
            assertThat(unpacked).isNotEqualTo(home);
            assertThat(home).doesNotExist();
            Files.writeString(unpacked.resolve("built"), "yes");
        });

        assertThat(home.resolve("built")).hasContent("yes");
        assertThat(ZipInstaller.isComplete(home)).isTrue();
    }

    @Test
    void aFailedPreparationLeavesNoInstallation() throws IOException {
        Path home = folder.resolve("home");
        Path zip = zip("v1", Map.of("top/README", "v1"));

        assertThatThrownBy(() -> ZipInstaller.installOnce(zip, home, unpacked -> {
            throw new IOException("build failed");
        })).hasMessage("build failed");

        assertThat(home).doesNotExist();
        try (var children = Files.list(folder)) {
            assertThat(children.map(path -> path.getFileName().toString())).containsExactly("v1.zip");
        }
    }

    private Path zip(String name, Map<String, String> files) throws IOException {
        Path zip = folder.resolve(name + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                archive.putNextEntry(new ZipEntry(file.getKey()));
                archive.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                archive.closeEntry();
            }
        }
        return zip;
    }
}
