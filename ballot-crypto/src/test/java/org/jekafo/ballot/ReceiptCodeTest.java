package org.jekafo.ballot;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptCodeTest {

    @Test
    void aReceiptIsTenDigitsGroupedFourFourTwo() {
        ReceiptCode code = Fixtures.yesWithPriorities().receiptCode();
        assertTrue(code.display().matches("\\d{4}-\\d{4}-\\d{2}"), code.display());
        assertEquals(code.digits(), code.display().replace("-", ""));
    }

    @Test
    void theDigitsAreTheFirstEightFingerprintBytesModuloTenToTheTen() {
        byte[] fingerprint = new byte[32];
        java.util.Arrays.fill(fingerprint, 0, 8, (byte) 0xff);
        // 2^64 - 1 = 18446744073709551615
        assertEquals("3709-5516-15", ReceiptCode.of(fingerprint).display());
        byte[] small = new byte[32];
        small[7] = 42;
        assertEquals("0000-0000-42", ReceiptCode.of(small).display());
    }

    @Test
    void aTypedCodeIsComparedByItsDigitsOnly() {
        ReceiptCode code = new ReceiptCode("4821093755");
        assertTrue(code.matches("4821-0937-55"));
        assertTrue(code.matches("4821 0937 55"));
        assertTrue(code.matches(" 4821093755 "));
        assertTrue(code.matches("4821.0937.55"));
        assertTrue(code.matches("٤٨٢١-٠٩٣٧-٥٥"));
        assertFalse(code.matches("4821-0937-56"));
    }

    @Test
    void aTypedCodeWithTooFewOrTooManyDigitsOrLettersIsNoCode() {
        assertEquals(Optional.empty(), ReceiptCode.parse("4821-0937-5"));
        assertEquals(Optional.empty(), ReceiptCode.parse("4821-0937-555"));
        assertEquals(Optional.empty(), ReceiptCode.parse("4821-O937-55"));
        assertEquals(Optional.empty(), ReceiptCode.parse(""));
        assertEquals(Optional.empty(), ReceiptCode.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new ReceiptCode("48210937"));
    }

    @Test
    void receiptsOfManyBallotsSpreadOverTheDigits() {
        Set<String> codes = new HashSet<>();
        int[] firstDigits = new int[10];
        for (int i = 0; i < 200; i++) {
            byte[] fingerprint = new byte[32];
            Fixtures.RANDOM.nextBytes(fingerprint);
            String digits = ReceiptCode.of(fingerprint).digits();
            codes.add(digits);
            firstDigits[digits.charAt(0) - '0']++;
        }
        assertEquals(200, codes.size());
        for (int count : firstDigits) {
            assertTrue(count > 0, "every leading digit appears among 200 random codes");
        }
    }
}
