package org.jekafo.query.consultation;

/** Receipt codes as typed on a feature phone: digits only, separators and spaces dropped, then grouped as issued. */
final class Receipts {

    private Receipts() {
    }

    static String normalized(String typed) {
        if (typed == null) {
            return "";
        }
        String digits = typed.replaceAll("[^0-9]", "");
        if (digits.length() != 10) {
            return digits;
        }
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    }
}
