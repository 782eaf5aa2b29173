package org.jekafo.api.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"76 12 34 56", "76123456", "76-12-34-56", "76.12.34.56", "+223 76 12 34 56",
            "+22376123456", "0022376123456", "00223 76 12 34 56", "(+223) 76 12 34 56"})
    void usualWaysOfTypingANumberGiveOneStoredForm(String typed) {
        assertThat(PhoneNumber.parse(typed)).map(PhoneNumber::e164).contains("+22376123456");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "7612345", "761234567", "+33612345678", "0033612345678", "76 12 34 5x",
            "+2237612345", "++22376123456"})
    void whatIsNotAMalianNumberIsRefused(String typed) {
        assertThat(PhoneNumber.parse(typed)).isEmpty();
    }
}
