package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedicatedUserTest {

    @TempDir
    Path folder;

    @Test
    void folderBelowAPrivateFolderIsUnreachable() throws IOException {
        Path privateFolder = Files.createDirectory(folder.resolve("private"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

        assertThat(DedicatedUser.ancestorsTraversable(privateFolder.resolve("data"))).isFalse();
    }

    @Test
    void folderBelowOpenFoldersIsReachable() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path open = Files.createDirectory(folder.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x--x")));

        assertThat(DedicatedUser.ancestorsTraversable(open.resolve("data"))).isTrue();
    }
}
