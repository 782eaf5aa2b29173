package org.jekafo.api.common;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * How every text a person types (names, unit names, reasons, receipt numbers) is cleaned before it is kept:
 * Unicode NFC; line breaks, tabs and every other space become one space; control characters (NUL…), format
 * characters (bidirectional overrides, embeddings and isolates, marks such as U+200E, zero-width spaces and
 * joiners, U+FEFF, U+2060) and lone surrogates are removed; leading and trailing spaces go. What looks the same
 * on screen is then stored the same, and nothing invisible can reorder or hide what others read.
 */
public final class TextInput {

    /** Every kind of space, line break and tab, and runs of them. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u0085]+");
    /** Control (Cc), format (Cf: bidi, zero-width) and surrogate (Cs) code points left once spaces are mapped. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]+");

    private TextInput() {
    }

    /** The cleaned text; {@code null} stays {@code null}, a text with nothing visible becomes empty. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        if (isPlainAscii(text)) {
            return text;
        }
        String spaced = SPACES.matcher(text).replaceAll(" ");
        String visible = INVISIBLE.matcher(spaced).replaceAll("");
        String composed = Normalizer.normalize(visible, Normalizer.Form.NFC);
        return SPACES.matcher(composed).replaceAll(" ").strip();
    }

    /** The number of characters (code points) a person typed: a letter outside the BMP counts once. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Printable ASCII with single inner spaces and none at either end: nothing to clean (most names). */
    private static boolean isPlainAscii(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ' ' && (i == 0 || i == last || text.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
