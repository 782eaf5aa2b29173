package org.jekafo.api.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Accent and case folding, so that "Traore" finds "Traoré": NFD, combining marks dropped, lower case,
 * one space between words. The Elasticsearch distribution we test against has no asciifolding filter,
 * so folding happens here, the same way for duplicate detection and for search.
 */
public final class TextFolding {

    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
