package org.jekafo.api.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Relay pagination cursors: a kind and the identifier of the last item of a page, Base64 (URL-safe) so that
 * clients treat them as opaque. They carry an identifier and nothing else (no name: that is personal data).
 */
public final class Cursors {

    private Cursors() {
    }

    /** The cursor of {@code kind} ({@code m} for members, {@code access} for journal entries…) after {@code id}. */
    public static String encode(String kind, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + ':' + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The identifier a cursor of {@code kind} carries; empty when the text is not such a cursor. */
    public static Optional<String> decode(String kind, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String prefix = kind + ':';
            return raw.startsWith(prefix) && raw.length() > prefix.length()
                    ? Optional.of(raw.substring(prefix.length())) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
