package org.jekafo.app.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Global object identification (the Relay server specification): every entity's {@code id} is opaque and typed —
 * base64url, without padding, of {@code Type:identifier} ({@code Member:…}, {@code OrgUnit:…}) — so that
 * {@code node(id:)} can refetch any object and an id of one type is never taken for another's. Clients treat ids as
 * opaque strings. Inputs also accept the identifier alone (what the API answered before global ids).
 */
public final class GlobalIds {

    private static final Pattern TYPED = Pattern.compile("([A-Z][A-Za-z]{1,40}):(.+)", Pattern.DOTALL);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** Output fields of type {@code ID} that name an entity of another type than their own object's. */
    static final Map<String, String> LINKS = Map.of("memberId", "Member", "orgUnitId", "OrgUnit");

    /** A decoded global id. */
    public record GlobalId(String type, String identifier) {
    }

    private GlobalIds() {
    }

    public static String of(String type, String identifier) {
        return identifier == null ? null : ENCODER.encodeToString((type + ":" + identifier).getBytes(StandardCharsets.UTF_8));
    }

    /** The type and identifier of a global id; empty for anything else (an identifier alone, garbage). */
    public static Optional<GlobalId> parse(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        try {
            Matcher typed = TYPED.matcher(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8));
            return typed.matches() ? Optional.of(new GlobalId(typed.group(1), typed.group(2))) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** The identifier a global id names, or the value itself when it is not a global id. */
    public static String identifierOf(String id) {
        return parse(id).map(GlobalId::identifier).orElse(id);
    }
}
