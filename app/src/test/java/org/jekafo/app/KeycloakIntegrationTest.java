package org.jekafo.app;

import org.jekafo.keycloak.local.KeycloakTokens;
import org.jekafo.keycloak.local.LocalKeycloak;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

/**
 * Base of the end-to-end tests against a real identity provider: the application of {@link IntegrationTest} (the
 * same data folder, event store and Elasticsearch: a second instance of it, in a Spring context of its own) trusting
 * the realm of {@code keycloak/jekafo-realm.json} — the file docker-compose.yml imports — in this JVM's local
 * Keycloak. {@link #connect()} and {@link TestApi#as} call with Keycloak's tokens (see {@link #tokens()}), so a test
 * written for {@link IntegrationTest} runs here unchanged. Skipped when no JDK can run Keycloak.
 */
@ExtendWith(KeycloakAvailable.class)
public abstract class KeycloakIntegrationTest extends IntegrationTest {

    public static final Path REALM_FILE = TestKeycloak.REALM_FILE;
    public static final String CLIENT = TestKeycloak.CLIENT;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("jekafo.security.issuer-uri", () -> keycloak().issuerUri());
    }

    /** This JVM's Keycloak, started on first use. */
    protected static LocalKeycloak keycloak() {
        return TestKeycloak.keycloak();
    }

    /** Tokens of the realm's client, by password: the realm's own users, or any principal's. */
    protected static KeycloakTokens realmTokens() {
        return TestKeycloak.realmTokens();
    }

    /** Keycloak's tokens for any principal ({@link TestKeycloak#TOKENS}). */
    @Override
    protected TestApi.Tokens tokens() {
        return TestKeycloak.TOKENS;
    }
}
