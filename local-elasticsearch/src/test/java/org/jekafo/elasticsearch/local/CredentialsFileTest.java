package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path folder;

    @Test
    void fileIsReadableAndWritableByItsOwnerOnly() throws IOException {
        Path file = folder.resolve("credentials");

        CredentialsFile.loadOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(CredentialsFile.OWNER_ONLY);
    }

    @Test
    void laterLoadsFindTheSameCredentials() throws IOException {
        Path file = folder.resolve("credentials");
        LocalElasticsearch.Credentials first = CredentialsFile.loadOrCreate(file);

        assertThat(CredentialsFile.loadOrCreate(file)).isEqualTo(first);
    }

    @Test
    void eachDataFolderGetsItsOwnRandomPassword() throws IOException {
        LocalElasticsearch.Credentials one = CredentialsFile.loadOrCreate(folder.resolve("one"));
        LocalElasticsearch.Credentials other = CredentialsFile.loadOrCreate(folder.resolve("other"));

        assertThat(one.password()).isNotEqualTo(other.password()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void fileLoosenedByHandIsClosedAgain() throws IOException {
        Path file = folder.resolve("credentials");
        CredentialsFile.loadOrCreate(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        CredentialsFile.loadOrCreate(file);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(CredentialsFile.OWNER_ONLY);
    }
}
