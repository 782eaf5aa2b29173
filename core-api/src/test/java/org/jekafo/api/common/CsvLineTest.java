package org.jekafo.api.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTest {

    @Test
    void quotedCellsKeepTheirCommasAndDoubledQuotes() {
        assertThat(CsvLine.split("TEINTURE,ART,\"Teinture (bogolan, indigo)\",\"dit \"\"Ba\"\"\""))
                .containsExactly("TEINTURE", "ART", "Teinture (bogolan, indigo)", "dit \"Ba\"");
    }

    @Test
    void emptyCellsAreKept() {
        assertThat(CsvLine.split("a,,c,")).containsExactly("a", "", "c", "");
    }
}
