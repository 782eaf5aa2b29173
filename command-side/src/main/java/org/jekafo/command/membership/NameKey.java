package org.jekafo.command.membership;

import org.jekafo.api.common.TextFolding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What makes two registrations look like the same person: folded full name and birth year. */
final class NameKey {

    /**
     * Longest key kept as it reads ({@code member_directory.name_key} is 400 characters). Folding can lengthen
     * a name (a Hangul syllable decomposes into three letters), so a longer key is kept as its SHA-256: equal
     * names still give equal keys.
     */
    static final int MAX_LENGTH = 400;

    private NameKey() {
    }

    static String of(String lastName, String firstName, int birthYear) {
        String key = TextFolding.fold(lastName + " " + firstName) + "|" + birthYear;
        return key.length() <= MAX_LENGTH ? key : "sha256:" + sha256(key) + "|" + birthYear;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
