package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One option of a choice question; the Bambara label is optional. */
public record ChoiceOption(@JsonProperty("optionId") String optionId, @JsonProperty("label") String label,
                           @JsonProperty("labelBm") String labelBm) {
}
