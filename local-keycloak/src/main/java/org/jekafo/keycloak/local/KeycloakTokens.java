package org.jekafo.keycloak.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of one client of one realm, obtained as a person would with a password (the "direct access grant",
 * which the client must allow): for the realm's own users ({@link #passwordGrant}), or for any role, unit and member
 * ({@link #tokenFor}), whose user is made through the admin API first.
 */
public final class KeycloakTokens {

    /** Users made by {@link #tokenFor}, by realm and name, with what they were made with: made again only if that changes. */
    private static final Map<String, UserSpec> MADE = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakAdmin admin;
    private final String tokenUrl;
    private final String realm;
    private final String clientId;

    KeycloakTokens(KeycloakAdmin admin, String issuerUri, String realm, String clientId) {
        this.admin = admin;
        this.tokenUrl = issuerUri + "/protocol/openid-connect/token";
        this.realm = realm;
        this.clientId = clientId;
    }

    /** An access token of user {@code username} (e.g. a demonstration user of the realm file). */
    public String passwordGrant(String username, String password) {
        JsonNode answer = Http.postForm(tokenUrl, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password, "scope", "openid"));
        return answer.path("access_token").asText();
    }

    /**
     * An access token for user {@code subject} holding realm role {@code role}, with the user attributes
     * {@code unit} and {@code member} when not null (the realm's mappers turn them into claims). The user is made or
     * updated through the admin API when this is the first token asked for it or its role, unit or member changed.
     */
    public String tokenFor(String role, String subject, String unit, String member) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (unit != null) {
            attributes.put("unit", unit);
        }
        if (member != null) {
            attributes.put("member", member);
        }
        String key = tokenUrl + " " + subject.toLowerCase();
        UserSpec spec = MADE.compute(key, (ignored, made) -> {
            if (made != null && made.role().equals(role) && made.attributes().equals(attributes)) {
                return made;
            }
            UserSpec wanted = new UserSpec(role, attributes, made != null ? made.password() : randomPassword());
            admin.putUser(realm, subject, wanted.password(), role, attributes);
            return wanted;
        });
        return passwordGrant(subject, spec.password());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record UserSpec(String role, Map<String, String> attributes, String password) {
    }
}
