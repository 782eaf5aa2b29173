package org.jekafo.app;

import org.jekafo.keycloak.local.KeycloakTokens;
import org.jekafo.keycloak.local.LocalKeycloak;

import java.nio.file.Path;

/** This JVM's Keycloak running the realm of docker-compose.yml, and tokens of it for any principal. */
public final class TestKeycloak {

    /** The realm file of docker-compose.yml, from the module folder where the tests run. */
    public static final Path REALM_FILE = Path.of("..", "keycloak", "jekafo-realm.json");
    /** The realm's public client, which allows the password grant. */
    public static final String CLIENT = "jekafo-portal";

    /**
     * A Keycloak token for any principal: a realm user named after it (Keycloak writes user names in lower case),
     * with its role, {@code unit} and {@code member} attributes, made through the admin API on first use.
     */
    public static final TestApi.Tokens TOKENS = principal -> realmTokens().tokenFor(principal.role().name(),
            principal.name(), principal.unitCode(), principal.memberId());

    private TestKeycloak() {
    }

    /** This JVM's Keycloak, started on first use. */
    public static LocalKeycloak keycloak() {
        return LocalKeycloak.shared(REALM_FILE);
    }

    /** Tokens of the realm's client, by password: the realm's own users, or any principal's. */
    public static KeycloakTokens realmTokens() {
        return keycloak().tokens(CLIENT);
    }
}
