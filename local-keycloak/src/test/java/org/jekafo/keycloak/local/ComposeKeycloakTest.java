package org.jekafo.keycloak.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docker-compose.yml's Keycloak is the one the tests run: the same version, realm file and bootstrap variables. */
class ComposeKeycloakTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void composeRunsTheTestedVersion() throws IOException {
        assertThat(Files.readString(COMPOSE)).contains("image: quay.io/keycloak/keycloak:" + LocalKeycloak.version() + "\n");
    }

    @Test
    void composeImportsTheTestedRealmFile() throws IOException {
        assertThat(Files.readString(COMPOSE)).contains("--import-realm")
                .contains("./keycloak/jekafo-realm.json:/opt/keycloak/data/import/jekafo-realm.json");
    }

    @Test
    void composeSetsTheVariablesTheTestsSet() throws IOException {
        KeycloakCommand command = new KeycloakCommand(Path.of("home"), Path.of("jdk"), 1, 2,
                new LocalKeycloak.Credentials("admin", "secret"));

        assertThat(Files.readString(COMPOSE)).contains("KC_HEALTH_ENABLED: \"true\"");
        assertThat(command.environment().keySet()).filteredOn(name -> name.startsWith("KC_"))
                .allSatisfy(name -> assertThat(Files.readString(COMPOSE)).contains(name + ":"));
    }
}
