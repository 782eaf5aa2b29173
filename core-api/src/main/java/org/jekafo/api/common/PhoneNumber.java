package org.jekafo.api.common;

import java.util.Optional;

/**
 * A Malian phone number in E.164 form ({@code +223} and 8 digits). Phones are not unique: a family often
 * shares one.
 */
public record PhoneNumber(String e164) {

    private static final String COUNTRY = "223";

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+223\\d{8}")) {
            throw new IllegalArgumentException("not an E.164 Malian number: " + e164);
        }
    }

    /**
     * Accepts the ways people type a number ({@code 76 12 34 56}, {@code 76-12-34-56}, {@code 0022376123456},
     * {@code +223 76 12 34 56}) and returns the one stored form, or empty when it is not a Malian number.
     */
    public static Optional<PhoneNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String digits = typed.replaceAll("[\\s.\\-()]", "");
        boolean plus = digits.startsWith("+");
        if (plus) {
            digits = digits.substring(1);
        } else if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (digits.length() == 8 && !plus) {
            digits = COUNTRY + digits;
        }
        if (digits.length() != 11 || !digits.startsWith(COUNTRY)) {
            return Optional.empty();
        }
        return Optional.of(new PhoneNumber("+" + digits));
    }
}
