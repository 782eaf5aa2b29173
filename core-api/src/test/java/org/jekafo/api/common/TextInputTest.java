package org.jekafo.api.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextInputTest {

    @Test
    void plainNameIsKeptAsTyped() {
        assertThat(TextInput.clean("Aminata Traore")).isEqualTo("Aminata Traore");
    }

    @Test
    void decomposedAccentsAreComposed() {
        assertThat(TextInput.clean("Traore\u0301")).isEqualTo("Traoré").hasSize(6);
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0000, 0x0007, 0x001B, 0x007F, 0x0085 - 1, 0x009F, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0xFEFF, 0x00AD})
    void invisibleCharacterIsRemoved(int codePoint) {
        assertThat(TextInput.clean("Ko" + Character.toString(codePoint) + "né")).isEqualTo("Koné");
    }

    @Test
    void loneSurrogateIsRemoved() {
        assertThat(TextInput.clean("Ko\uD800né")).isEqualTo("Koné");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "'  Awa   Fanta  '|Awa Fanta",
            "'Awa\tFanta'|Awa Fanta",
            "'Awa\r\nFanta'|Awa Fanta",
            "'Awa\u00A0\u2003Fanta'|Awa Fanta",
            "'Awa\u2028Fanta\u0085'|Awa Fanta",
            "'Awa \u200B Fanta'|Awa Fanta"})
    void everyKindOfSpaceBecomesOneSpaceAndNoneSurrounds(String typed, String cleaned) {
        assertThat(TextInput.clean(typed)).isEqualTo(cleaned);
    }

    @Test
    void textWithNothingVisibleBecomesEmpty() {
        assertThat(TextInput.clean("\u202E\u200B \u2066\uFEFF\u0000")).isEmpty();
    }

    @Test
    void lettersOutsideTheBasicPlaneAreKept() {
        String adlam = "\uD83A\uDD00\uD83A\uDD22";
        assertThat(TextInput.clean(adlam)).isEqualTo(adlam);
        assertThat(TextInput.length(adlam)).isEqualTo(2);
    }

    @Test
    void limitCountsCharactersNotUtf16Units() {
        TextLimit limit = new TextLimit("f", "Le champ", 2);
        assertThat(limit.admits("\uD83A\uDD00\uD83A\uDD22")).isTrue();
        assertThat(limit.admits("abc")).isFalse();
        assertThat(limit.admits(null)).isTrue();
    }

    @Test
    void refusalNamesFieldAndMaximumInFrench() {
        assertThat(TextLimit.REASON.refusal()).satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo("TEXT_TOO_LONG");
            assertThat(refusal.field()).isEqualTo("reason");
            assertThat(refusal.message()).startsWith("Le motif ne peut pas dépasser 1").endsWith("000 caractères.");
        });
    }
}
