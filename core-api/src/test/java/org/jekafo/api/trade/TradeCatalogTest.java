package org.jekafo.api.trade;

import org.jekafo.api.common.TextLimit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TradeCatalogTest {

    @Test
    void everyTradeOfTheCensusNomenclatureIsKnownWithItsBranchAndLabel() {
        assertThat(TradeCatalog.all()).hasSize(22);
        assertThat(TradeCatalog.find("TEINTURE")).contains(new Trade("TEINTURE", "ART", "Teinture (bogolan, indigo)"));
    }

    @Test
    void everyTradeCodeFitsTheLimitOfATradeCode() {
        assertThat(TradeCatalog.all()).extracting(Trade::code)
                .allSatisfy(code -> assertThat(TextLimit.TRADE_CODE.admits(code)).as(code).isTrue());
    }

    @Test
    void unknownCodeIsNotATrade() {
        assertThat(TradeCatalog.find("ASTRONAUTE")).isEmpty();
        assertThat(TradeCatalog.find(null)).isEmpty();
    }
}
