package org.jekafo.app.platform.gate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How auditors and administrators see phone numbers and national IDs. */
class PersonalDataMaskTest {

    @Test
    void masksKeepOnlyWhatIdentifiesTheNumberToItsOwner() {
        assertThat(PersonalDataGuard.mask("phone", "+22376123456")).isEqualTo("+22376••••56");
        assertThat(PersonalDataGuard.mask("nationalId", "ML123456789")).isEqualTo("••••••••789");
        assertThat(PersonalDataGuard.mask("nationalId", "effacé")).isEqualTo("effacé");
        assertThat(PersonalDataGuard.mask("phone", null)).isNull();
    }
}
