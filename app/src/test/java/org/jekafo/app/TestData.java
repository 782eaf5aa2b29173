package org.jekafo.app;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Values that no other test of this JVM uses, so that test classes sharing one event store and one
 * Elasticsearch never see each other's data. Card numbers given explicitly are {@code TST-9xxxxx}: the census
 * file holds {@code XX-0000NN} numbers and the system assigns numbers under region codes only, so these never meet
 * an assigned or imported number.
 */
public final class TestData {

    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    private TestData() {
    }

    /** Ten letters, so that names stay valid and distinct between tests. */
    public static String suffix() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    /** A Malian mobile number in E.164 form that no other test uses. */
    /** A local unit code no other test uses: region code, dash, six letters. */
    public static String unitCode(String region) {
        return region + "-" + suffix().substring(0, 6).toUpperCase();
    }

    public static String uniquePhone() {
        return unique(() -> "+2237" + digits(7));
    }

    /** A national ID that no other test (nor the census file) uses. */
    public static String uniqueNationalId() {
        return unique(() -> digits(14) + "X");
    }

    /**
     * A card number of the form {@code TST-9xxxxx} that no other test uses. Its prefix is no region's: the system
     * assigns a region's numbers after the highest one given there ({@code JdbcMemberDirectory.allocateCardNumber}),
     * so explicit numbers under a region's prefix would push its counter among them, and a later draw could meet a
     * number assigned meanwhile (an import of 1,000 such lines once lost one to that).
     */
    public static String uniqueCardNumber() {
        return unique(() -> "TST-9" + digits(5));
    }

    /** {@code +22376123456} as people type it: {@code 76 12 34 56}. */
    public static String spaced(String e164) {
        String local = e164.substring(4);
        return local.substring(0, 2) + " " + local.substring(2, 4) + " " + local.substring(4, 6) + " "
                + local.substring(6, 8);
    }

    /** {@code +22376123456} with the international prefix typed as {@code 00}: {@code 0022376123456}. */
    public static String withDoubleZero(String e164) {
        return "00" + e164.substring(1);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static String unique(java.util.function.Supplier<String> candidate) {
        while (true) {
            String value = candidate.get();
            if (USED.add(value)) {
                return value;
            }
        }
    }
}
