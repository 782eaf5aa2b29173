package org.jekafo.keycloak.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's administration REST API, as the bootstrap administrator of the {@code master} realm: realms,
 * clients and users made by tests. Each call takes a fresh administrator token (they live one minute).
 */
public final class KeycloakAdmin {

    private final String url;
    private final LocalKeycloak.Credentials administrator;

    KeycloakAdmin(String url, LocalKeycloak.Credentials administrator) {
        this.url = url;
        this.administrator = administrator;
    }

    /** Imports a realm from its representation (a realm file's JSON). */
    public void createRealm(String representation) {
        Http.send("POST", url + "/admin/realms", token(), representation);
    }

    /** Adds a client to {@code realm} from its representation (fields of Keycloak's {@code ClientRepresentation}). */
    public void createClient(String realm, Map<String, ?> representation) {
        Http.send("POST", realm(realm) + "/clients", token(), representation);
    }

    /**
     * Makes {@code username} a user of {@code realm} with exactly this one realm role (besides the realm's default
     * roles), these attributes (others removed) and this password: created when missing, updated otherwise.
     * Keycloak keeps user names in lower case.
     */
    public void putUser(String realm, String username, String password, String realmRole, Map<String, String> attributes) {
        String token = token();
        String users = realm(realm) + "/users";
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", username);
        user.put("lastName", "Test");
        user.put("email", username.toLowerCase() + "@jekafo.invalid");
        Map<String, List<String>> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(name, List.of(value)));
        user.put("attributes", values);
        String id = userId(realm, username, token);
        if (id == null) {
            Http.send("POST", users, token, user);
            id = userId(realm, username, token);
        } else {
            Http.send("PUT", users + "/" + id, token, user);
        }
        Http.send("PUT", users + "/" + id + "/reset-password", token,
                Map.of("type", "password", "value", password, "temporary", false));
        grantOnly(realm, id, realmRole, token);
    }

    private String userId(String realm, String username, String token) {
        JsonNode found = Http.get(realm(realm) + "/users?exact=true&username=" + Http.encode(username), token);
        for (JsonNode user : found) {
            if (user.path("username").asText().equalsIgnoreCase(username)) {
                return user.path("id").asText();
            }
        }
        return null;
    }

    /** Removes the user's realm roles but the default ones and {@code role}, then grants {@code role}. */
    private void grantOnly(String realm, String userId, String role, String token) {
        String mappings = realm(realm) + "/users/" + userId + "/role-mappings/realm";
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode granted : Http.get(mappings, token)) {
            String name = granted.path("name").asText();
            if (!name.equals(role) && !name.equals("default-roles-" + realm.toLowerCase())) {
                others.add(granted);
            }
        }
        if (!others.isEmpty()) {
            Http.send("DELETE", mappings, token, others);
        }
        JsonNode wanted = Http.get(realm(realm) + "/roles/" + Http.encode(role), token);
        Http.send("POST", mappings, token, List.of(wanted));
    }

    private String realm(String realm) {
        return url + "/admin/realms/" + Http.encode(realm);
    }

    private String token() {
        return Http.postForm(url + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", administrator.username(), "password", administrator.password()))
                .path("access_token").asText();
    }
}
