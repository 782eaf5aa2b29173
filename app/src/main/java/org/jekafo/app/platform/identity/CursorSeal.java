package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Pagination cursors the server alone can read: the position a page ends at, encrypted and authenticated with
 * AES-256-GCM, whose additional data binds the cursor to its kind, its caller (subject, role, unit, member) and
 * its query (the filter). A cursor altered in any byte, issued to another caller or used with another query does
 * not open, and every such cursor fails the same way; what it holds (a folded name is personal data) cannot be
 * read by the caller it was given to.
 * <p>
 * The secret is {@code jekafo.security.cursor-key} ({@code JEKAFO_CURSOR_KEY}, at least 32 characters, the same
 * on every instance), else 32 random bytes created once in {@code <data-dir>/security/cursor-key}; the AES key
 * is derived from it with HMAC-SHA256.
 */
@Component
public class CursorSeal {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_CONFIGURED_KEY = 32;

    private final SecretKeySpec key;
    private final byte[] nonceKey;
    /**
     * Per thread: the nonce's HMAC, keyed once (a {@link Mac} is reset by each {@code doFinal}), and the binding last
     * computed, since a page seals one cursor per edge for the same caller and query (a page of members cost 11 SHA-256
     * digests of the same parts, and a provider look-up and key schedule per HMAC).
     */
    private final ThreadLocal<Mac> nonceMac;
    private final ThreadLocal<Binding> lastBinding = new ThreadLocal<>();

    /** A binding's digest and the parts it was computed from. */
    private record Binding(String kind, ActingPrincipal caller, String query, byte[] digest) {

        boolean of(String otherKind, ActingPrincipal otherCaller, String otherQuery) {
            return kind.equals(otherKind) && caller.equals(otherCaller) && query.equals(otherQuery);
        }
    }

    @Autowired
    CursorSeal(@Value("${jekafo.security.cursor-key:}") String configuredKey, @Value("${jekafo.data-dir}") Path dataDir) {
        this(secret(configuredKey, dataDir));
    }

    CursorSeal(byte[] secret) {
        this.key = new SecretKeySpec(hmac(secret, "jekafo/cursor/aes-256-gcm/v1".getBytes(StandardCharsets.UTF_8)),
                "AES");
        this.nonceKey = hmac(secret, "jekafo/cursor/nonce/v1".getBytes(StandardCharsets.UTF_8));
        this.nonceMac = ThreadLocal.withInitial(() -> mac(nonceKey));
    }

    /**
     * The cursor holding {@code payload} for this caller and this query. The nonce is derived from both (HMAC-SHA256,
     * a synthetic nonce): the same position gives the same cursor to the same caller and query, so pages compare
     * equal across requests, and two different cursors never share a nonce.
     */
    public String seal(String kind, ActingPrincipal caller, String query, byte[] payload) {
        byte[] binding = keptBinding(kind, caller, query);
        byte[] nonce = Arrays.copyOf(nonceMac.get().doFinal(ByteBuffer.allocate(binding.length + payload.length)
                .put(binding).put(payload).array()), NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding);
            byte[] sealed = cipher.doFinal(payload);
            ByteBuffer cursor = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** What a cursor holds; empty when this server did not seal it for this caller and query, or it was altered. */
    public Optional<byte[]> open(String kind, ActingPrincipal caller, String query, String cursor) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
            cipher.updateAAD(binding(kind, caller, query));
            return Optional.of(cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES));
        } catch (IllegalArgumentException | GeneralSecurityException notOurs) {
            return Optional.empty();
        }
    }

    /** {@link #binding}, computed again only when this thread last sealed for another caller, kind or query. */
    private byte[] keptBinding(String kind, ActingPrincipal caller, String query) {
        String bound = Objects.requireNonNullElse(query, "");
        Binding last = lastBinding.get();
        if (last != null && last.of(kind, caller, bound)) {
            return last.digest();
        }
        byte[] digest = binding(kind, caller, query);
        lastBinding.set(new Binding(kind, caller, bound, digest));
        return digest;
    }

    /** A digest of what a cursor is bound to, each part length-prefixed so that no two bindings read alike. */
    private static byte[] binding(String kind, ActingPrincipal caller, String query) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{kind, caller.name(), caller.role().name(), caller.unitCode(),
                    caller.memberId(), query}) {
                byte[] bytes = Objects.requireNonNullElse(part, "").getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(5).put((byte) (part == null ? 0 : 1)).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] secret(String configuredKey, Path dataDir) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            if (configuredKey.length() < MIN_CONFIGURED_KEY) {
                throw new IllegalStateException("jekafo.security.cursor-key must hold at least " + MIN_CONFIGURED_KEY
                        + " characters");
            }
            return configuredKey.getBytes(StandardCharsets.UTF_8);
        }
        String stored = SecretFile.readOrCreate(dataDir.resolve("security").resolve("cursor-key"), () -> {
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            return Base64.getEncoder().encodeToString(generated);
        });
        return Base64.getDecoder().decode(stored.trim());
    }

    private static byte[] hmac(byte[] secret, byte[] label) {
        return mac(secret).doFinal(label);
    }

    private static Mac mac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
