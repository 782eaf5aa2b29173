package org.jekafo.ballot;

import java.util.Optional;

/**
 * A ballot's receipt, short enough to read on a feature phone and type back: 10 decimal digits shown as
 * {@code 4821-0937-55}. The digits are the first 8 bytes of the ballot's fingerprint, read as an unsigned
 * big-endian integer, modulo 10^10 (the bias of that reduction is below 10^-9).
 *
 * <p>Collision odds: a given ballot shares its code with another of N ballots with probability about N / 10^10
 * (2.2·10^-6 for 22,000 ballots); some two of N ballots share a code with probability about N² / (2·10^10)
 * (2.4 % for 22,000), so a look-up answers every ballot bearing the code, and the full fingerprint settles it.
 * The code is a convenience, not a commitment: someone able to make ballots can search about 10^10 of them for one
 * that bears a given code (README, "What the receipt proves").
 */
public record ReceiptCode(String digits) {

    public static final int LENGTH = 10;
    private static final long MODULUS = 10_000_000_000L;

    public ReceiptCode {
        if (digits == null || digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a receipt code is " + LENGTH + " digits");
        }
    }

    static ReceiptCode of(byte[] fingerprint) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (fingerprint[i] & 0xff);
        }
        return new ReceiptCode(String.format("%010d", Long.remainderUnsigned(value, MODULUS)));
    }

    /**
     * Reads a code as a voter types it: spaces, dashes, dots and other separators are ignored, and Arabic-Indic or
     * other Unicode decimal digits count as digits. Empty unless exactly 10 digits remain.
     */
    public static Optional<ReceiptCode> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        StringBuilder digits = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); ) {
            int c = typed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isLetter(c)) {
                return Optional.empty();
            }
        }
        return digits.length() == LENGTH ? Optional.of(new ReceiptCode(digits.toString())) : Optional.empty();
    }

    /** Whether a typed text is this code once normalised (see {@link #parse}). */
    public boolean matches(String typed) {
        return parse(typed).map(this::equals).orElse(false);
    }

    /** {@code 4821-0937-55}. */
    public String display() {
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }

    @Override
    public String toString() {
        return display();
    }
}
