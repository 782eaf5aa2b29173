package org.jekafo.command.consultation;

import org.jekafo.api.common.TextLimit;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.ChoiceOption;
import org.jekafo.api.consultation.Question;
import org.jekafo.command.common.Problems;
import org.jekafo.command.common.Require;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.jekafo.command.common.RefusalCodes.INVALID_BALLOT;

/**
 * A ballot's answers checked against the consultation's questions, every problem at once: unknown or repeated
 * questions, unknown or repeated options, too many choices, text where a choice is asked and the reverse. A
 * question left out is a blank answer; the result has one answer per question, in the questions' order.
 */
final class BallotInput {

    private BallotInput() {
    }

    static List<Answer> checked(List<Question> questions, List<Answer> given) {
        List<Answer> answers = given == null ? List.of() : given;
        Require.that(answers.size() <= questions.size(), INVALID_BALLOT, "answers",
                "Le bulletin répond à plus de questions que la consultation n'en pose.");
        Map<String, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.questionId(), q));
        Problems problems = new Problems();
        Map<String, Answer> byQuestion = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "answers." + i;
            Question question = answer == null ? null : byId.get(answer.questionId());
            problems.check(() -> Require.that(question != null, INVALID_BALLOT, at + ".questionId",
                    "Cette question n'est pas posée par la consultation."));
            if (question == null) {
                continue;
            }
            problems.check(() -> Require.that(!byQuestion.containsKey(question.questionId()), INVALID_BALLOT,
                    at + ".questionId", "Le bulletin répond deux fois à la même question."));
            Answer checked = problems.check(() -> answer(question, answer, at));
            if (checked != null) {
                byQuestion.putIfAbsent(question.questionId(), checked);
            }
        }
        problems.refuseIfAny();
        List<Answer> result = new ArrayList<>();
        questions.forEach(q -> result.add(byQuestion.getOrDefault(q.questionId(),
                new Answer(q.questionId(), List.of(), null))));
        return List.copyOf(result);
    }

    private static Answer answer(Question question, Answer answer, String at) {
        List<String> chosen = answer.optionIds() == null ? List.of() : answer.optionIds();
        if (!question.choice()) {
            Require.that(chosen.isEmpty(), INVALID_BALLOT, at + ".optionIds",
                    "Cette question attend une recommandation écrite, pas un choix.");
            String text = Require.optionalText(answer.text(), TextLimit.RECOMMENDATION.forField(at + ".text"));
            return new Answer(question.questionId(), List.of(), text);
        }
        Require.that(answer.text() == null || answer.text().isBlank(), INVALID_BALLOT, at + ".text",
                "Cette question attend un choix, pas un texte.");
        Set<String> known = new HashSet<>(question.options().stream().map(ChoiceOption::optionId).toList());
        Set<String> seen = new HashSet<>();
        for (String optionId : chosen) {
            Require.that(optionId != null && known.contains(optionId), INVALID_BALLOT, at + ".optionIds",
                    "Ce choix n'est pas proposé par la question.");
            Require.that(seen.add(optionId), INVALID_BALLOT, at + ".optionIds", "Un choix est donné deux fois.");
        }
        Require.that(chosen.size() <= question.maxChoices(), INVALID_BALLOT, at + ".optionIds",
                question.maxChoices() == 1 ? "Un seul choix est possible pour cette question."
                        : "Au plus " + question.maxChoices() + " choix sont possibles pour cette question.");
        List<String> ordered = question.options().stream().map(ChoiceOption::optionId).filter(seen::contains).toList();
        return new Answer(question.questionId(), ordered, null);
    }
}
