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
    void missingTextFoldsToEmpty() {
        assertThat(TextFolding.fold(null)).isEmpty();
    }
}
