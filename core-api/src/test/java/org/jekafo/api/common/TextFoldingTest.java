package org.jekafo.api.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTest {

    @Test
    void accentsAndCaseAreFolded() {
        assertThat(TextFolding.fold("Aminata TRAORÉ")).isEqualTo("aminata traore");
        assertThat(TextFolding.fold("Dioïla")).isEqualTo("dioila");
    }

    @Test
    void punctuationAndRepeatedSpacesBecomeOneSpace() {
        assertThat(TextFolding.fold("  Cheick-Oumar   N'Diaye ")).isEqualTo("cheick oumar n diaye");
    }

    @Test
    void plainTextFoldsAsTextWithAccentsDoes() {
        // the one-pass path for plain ASCII and the Unicode path must agree: a name with and without its accent
        for (String[] pair : new String[][]{{"  Traore_--Aminata 12 ", "  Traoré_--Aminata 12 "},
                {"--N'DIAYE", "--N'DÏAYE"}, {"\tKone\n", "\tKoné\n"}, {"A", "À"}, {"...", "…"}}) {
            assertThat(TextFolding.fold(pair[0])).isEqualTo(TextFolding.fold(pair[1]));
        }
        assertThat(TextFolding.fold("  Traore_--Aminata 12 ")).isEqualTo("traore aminata 12");
        assertThat(TextFolding.fold("...")).isEmpty();
    }

    @Test
    void missingTextFoldsToEmpty() {
        assertThat(TextFolding.fold(null)).isEmpty();
    }
}
