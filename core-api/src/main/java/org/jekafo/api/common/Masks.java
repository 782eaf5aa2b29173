package org.jekafo.api.common;

/**
 * How phone numbers and national identity numbers read masked: a phone keeps its country and network prefix and
 * its last two digits ({@code +22376••••56}), a national identity number its last three; an erased value and a
 * value too short to mask stay as they are. Masking a masked value changes nothing.
 */
public final class Masks {

    private static final char HIDDEN = '•';

    private Masks() {
    }

    public static String phone(String value) {
        return mask(value, 6, 2);
    }

    public static String nationalId(String value) {
        return mask(value, 0, 3);
    }

    /** A field's value masked if the field is {@code phone} or {@code nationalId}, else as it is. */
    public static String field(String field, String value) {
        return switch (field) {
            case "phone" -> phone(value);
            case "nationalId" -> nationalId(value);
            default -> value;
        };
    }

    /** Whether a field of that name is masked. */
    public static boolean masks(String field) {
        return field.equals("phone") || field.equals("nationalId");
    }

    private static String mask(String text, int keepStart, int keepEnd) {
        if (text == null || text.length() < 4 || text.equals(PersonalData.ERASED)) {
            return text;
        }
        int start = Math.min(keepStart, text.length() - 2);
        return text.substring(0, start) + String.valueOf(HIDDEN).repeat(text.length() - start - keepEnd)
                + text.substring(text.length() - keepEnd);
    }
}
