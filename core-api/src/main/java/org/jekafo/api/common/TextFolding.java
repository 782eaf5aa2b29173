package org.jekafo.api.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Accent and case folding, so that "Traore" finds "Traoré": NFD, combining marks dropped, lower case,
 * one space between words. The Elasticsearch distribution we test against has no asciifolding filter,
 * so folding happens here, the same way for duplicate detection and for search.
 */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (isAscii(text)) {
            return foldAscii(text);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_LETTERS_OR_DIGITS.matcher(unmarked).replaceAll(" ").strip();
    }

    /** The same folding, in one pass, for text that has nothing to decompose (most names: the hot path). */
    private static String foldAscii(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (letterOrDigit) {
                if (separator && folded.length() > 0) {
                    folded.append(' ');
                }
                separator = false;
                folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else {
                separator = true;
            }
        }
        return folded.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
