package org.jekafo.command.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.ChoiceOption;
import org.jekafo.api.consultation.ConsultationOutcome;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.OptionResult;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionResult;
import org.jekafo.api.consultation.VoterGroup;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Counts a closed consultation's ballot box: turnout in all and per group against the quorum, then each choice
 * question's options, in all and per group of voters at the time of their vote. Open ballots are counted as
 * cast; secret ones are added up encrypted and only the sums decrypted, with proofs ({@link BallotKeys}), and
 * groups of fewer than five voters (and their complements) are never decrypted at all.
 */
@Component
class ConsultationTally {

    private static final TypeReference<Map<String, List<String>>> CHOICES = new TypeReference<>() {
    };

    private final BallotBoxContents box;
    private final ObjectMapper json;
    private final BallotKeys keys;

    ConsultationTally(BallotBoxContents box, ObjectMapper json, BallotKeys keys) {
        this.box = box;
        this.json = json;
        this.keys = keys;
    }

    ConsultationTalliedEvent count(String consultationId, ConsultationPlan plan, long eligibleCount) {
        List<BoxedBallot> ballots = box.ballots(consultationId);
        GroupCounts.Counted voters = GroupCounts.count(ballots.stream().map(BoxedBallot::voter).toList());
        boolean secret = plan.mode() == BallotMode.SECRET;
        Set<String> suppressed = secret ? Suppression.of(voters.groups()) : Set.of();
        List<GroupCount> voterGroups = Suppression.applied(voters.groups(), suppressed);
        boolean quorum = (long) plan.quorumPercent() * eligibleCount <= 100L * voters.total();
        if (!quorum) {
            return new ConsultationTalliedEvent(consultationId, ConsultationOutcome.NO_QUORUM, eligibleCount,
                    voters.total(), voterGroups, List.of());
        }
        List<Question> choices = plan.questions().stream().filter(Question::choice).toList();
        List<QuestionResult> results = secret ? keys.tally(consultationId, choices, ballots, suppressed)
                : openCounts(choices, ballots);
        return new ConsultationTalliedEvent(consultationId, ConsultationOutcome.RESULTS, eligibleCount, voters.total(),
                voterGroups, results);
    }

    private List<QuestionResult> openCounts(List<Question> questions, List<BoxedBallot> ballots) {
        List<Map<String, List<String>>> chosen = ballots.stream().map(b -> choices(b.choices())).toList();
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : questions) {
            List<OptionResult> options = new ArrayList<>();
            for (ChoiceOption option : question.options()) {
                options.add(counted(option.optionId(), ballots, chosen, c -> c.getOrDefault(question.questionId(),
                        List.of()).contains(option.optionId())));
            }
            OptionResult blank = counted(null, ballots, chosen,
                    c -> c.getOrDefault(question.questionId(), List.of()).isEmpty());
            results.add(new QuestionResult(question.questionId(), options, blank));
        }
        return results;
    }

    private static OptionResult counted(String optionId, List<BoxedBallot> ballots,
                                        List<Map<String, List<String>>> chosen,
                                        java.util.function.Predicate<Map<String, List<String>>> counts) {
        List<VoterGroup> voters = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            if (counts.test(chosen.get(i))) {
                voters.add(ballots.get(i).voter());
            }
        }
        return new OptionResult(optionId, voters.size(), GroupCounts.count(voters).groups(), null);
    }

    private Map<String, List<String>> choices(String text) {
        try {
            return json.readValue(text, CHOICES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }


}
