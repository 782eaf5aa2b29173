package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A voter's answer to one question: the options chosen (none: blank) or, for a free-text question, the text.
 */
public record Answer(@JsonProperty("questionId") String questionId,
                     @JsonProperty("optionIds") List<String> optionIds, @JsonProperty("text") String text) {
}
