package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The result of one choice question: each option's votes, and the blank ballots. */
public record QuestionResult(@JsonProperty("questionId") String questionId,
                             @JsonProperty("options") List<OptionResult> options,
                             @JsonProperty("blank") OptionResult blank) {
}
