package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRealmTest {

    private static final LocalElasticsearch.Credentials USER = new LocalElasticsearch.Credentials("jekafo", "s3cret-Pa55");

    @TempDir
    Path config;

    @Test
    void hashIsElasticsearchPbkdf2OfThePassword() {
        String[] parts = FileRealm.hash("s3cret-Pa55").split("\\$");

        assertThat(parts[0]).isEqualTo("{PBKDF2}10000");
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        assertThat(salt).hasSize(32);
        assertThat(Base64.getDecoder().decode(parts[2])).isEqualTo(FileRealm.pbkdf2("s3cret-Pa55", salt, 10_000));
    }

    @Test
    void usersFileHoldsTheHashNotThePassword() throws IOException {
        FileRealm.write(config, USER);

        assertThat(Files.readString(config.resolve("users"))).startsWith("jekafo:{PBKDF2}").doesNotContain("s3cret-Pa55");
    }

    @Test
    void userHasTheApplicationRoleOnly() throws IOException {
        FileRealm.write(config, USER);

        assertThat(Files.readString(config.resolve("users_roles"))).isEqualTo("jekafo_app:jekafo\n");
    }

    @Test
    void realmFilesAreOwnerOnly() throws IOException {
        FileRealm.write(config, USER);

        for (String file : new String[] {"users", "users_roles", "roles.yml"}) {
            assertThat(Files.getPosixFilePermissions(config.resolve(file))).as(file).isEqualTo(CredentialsFile.OWNER_ONLY);
        }
    }
}
