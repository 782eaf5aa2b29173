package org.jekafo.api.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class GenderTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"F,F", "f,F", "Femme,F", "M,M", "h,M", "Homme,M", " M ,M"})
    void censusSpellingsAreRead(String text, Gender expected) {
        assertThat(Gender.parse(text)).contains(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"X", "", "FM", "2"})
    void otherValuesAreRefused(String text) {
        assertThat(Gender.parse(text)).isEmpty();
    }
}
