package org.jekafo.api.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NationalIdTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"42933751431545Y", "42933751431545y", "4293 3751 4315 45 Y", "4293-3751-4315-45Y",
            " 4293.3751.4315.45.y "})
    void ninaTypedAnyUsualWayIsReadInItsOneForm(String typed) {
        assertThat(NationalId.parse(typed)).contains(new NationalId("42933751431545Y"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"ABC", "ML1234567", "4293375143154Y", "429337514315455Y", "429337514315455",
            "42933751431545YY", "Y42933751431545", "42933751431545É", "٤٢٩٣٣٧٥١٤٣١٥٤٥Y"})
    void anythingElseIsNotANina(String typed) {
        assertThat(NationalId.parse(typed)).isEmpty();
    }
}
