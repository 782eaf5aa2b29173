package org.jekafo.api.common;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Malian national identification number (NINA, law 06-040 of 11 August 2006): 14 digits (nationality, sex,
 * year and place of birth, a serial number) and a control letter, e.g. {@code 42933751431545Y}. Since 2016 the
 * NINA is the number printed on national identity cards (the biometric card included) and passports, so it is
 * the one number every adult can show; the old card numbers were issued locally, had no common form and
 * identify nobody nationally, and are not accepted. The control letter's algorithm is not public: it is
 * required, not computed.
 */
public record NationalId(String value) {

    private static final Pattern NINA = Pattern.compile("\\d{14}[A-Z]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");

    public NationalId {
        if (value == null || !NINA.matcher(value).matches()) {
            throw new IllegalArgumentException("not a NINA");
        }
    }

    /** Accepts the number as people type it (spaces, dashes or dots between groups, any case); empty otherwise. */
    public static Optional<NationalId> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(typed).replaceAll("").toUpperCase(Locale.ROOT);
        return NINA.matcher(compact).matches() ? Optional.of(new NationalId(compact)) : Optional.empty();
    }
}
