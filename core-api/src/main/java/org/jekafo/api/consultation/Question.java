package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A question of a consultation. {@code maxChoices} bounds a multiple choice (1 for the other kinds); a free-text
 * question has no options.
 */
public record Question(@JsonProperty("questionId") String questionId, @JsonProperty("kind") QuestionKind kind,
                       @JsonProperty("text") String text, @JsonProperty("textBm") String textBm,
                       @JsonProperty("options") List<ChoiceOption> options,
                       @JsonProperty("maxChoices") int maxChoices) {

    public boolean choice() {
        return kind != QuestionKind.FREE_TEXT;
    }
}
