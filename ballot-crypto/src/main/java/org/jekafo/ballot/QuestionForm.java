package org.jekafo.ballot;

import java.util.Objects;

/** One question of a ballot: its identifier (part of every proof's context) and its rule. */
public record QuestionForm(String questionId, AnswerRule rule) {

    public QuestionForm {
        QuestionContext.requireId(questionId, "questionId");
        Objects.requireNonNull(rule, "rule");
    }
}
