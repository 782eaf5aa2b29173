package org.jekafo.app.consultation;

import org.jekafo.api.common.Channel;
import org.jekafo.api.common.Gender;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.ChoiceOption;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionKind;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.app.platform.graphql.MutationEnvelope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The consultation mutations' inputs, bound by Spring for GraphQL; see {@code consultation.graphqls} for each field. */
final class ConsultationInputs {

    private ConsultationInputs() {
    }

    record ChoiceOptionInput(String optionId, String label, String labelBm) {
    }

    record QuestionInput(String questionId, QuestionKind kind, String text, String textBm,
                         List<ChoiceOptionInput> options, Integer maxChoices) {
    }

    record EligibilityInput(String orgUnitId, Gender gender, String trade, List<MemberStatus> statuses,
                            LocalDate enrolledBefore) {
    }

    record ConsultationPlanInput(String title, String titleBm, String description, String descriptionBm,
                                 List<QuestionInput> questions, EligibilityInput eligibility, BallotMode mode,
                                 List<Channel> channels, Instant opensAt, Instant closesAt, Integer quorumPercent) {

        ConsultationPlan plan() {
            List<Question> asked = questions == null ? null : questions.stream().map(q -> q == null ? null
                    : new Question(q.questionId(), q.kind(), q.text(), q.textBm(), q.options() == null ? null
                    : q.options().stream().map(o -> o == null ? null
                    : new ChoiceOption(o.optionId(), o.label(), o.labelBm())).toList(),
                    q.maxChoices() == null ? 1 : q.maxChoices())).toList();
            Eligibility who = eligibility == null ? null : new Eligibility(eligibility.orgUnitId(), eligibility.gender(),
                    eligibility.trade(), eligibility.statuses(), eligibility.enrolledBefore());
            return new ConsultationPlan(title, titleBm, description, descriptionBm, asked, who, mode, channels,
                    opensAt, closesAt, quorumPercent == null ? 0 : quorumPercent);
        }
    }

    record DraftConsultationInput(ConsultationPlanInput plan, String clientMutationId) implements MutationEnvelope {
    }

    record EditConsultationDraftInput(String consultationId, ConsultationPlanInput plan,
                                      String clientMutationId) implements MutationEnvelope {
    }

    record ScheduleConsultationInput(String consultationId, String clientMutationId) implements MutationEnvelope {
    }

    record ExtendConsultationInput(String consultationId, Instant closesAt, String reason,
                                   String clientMutationId) implements MutationEnvelope {
    }

    record CloseConsultationInput(String consultationId, String reason,
                                  String clientMutationId) implements MutationEnvelope {
    }

    record CancelConsultationInput(String consultationId, String reason,
                                   String clientMutationId) implements MutationEnvelope {
    }

    record BallotAnswerInput(String questionId, List<String> optionIds, String text) {

        Answer answer() {
            return new Answer(questionId, optionIds == null ? List.of() : optionIds, text);
        }
    }

    record CastBallotInput(String consultationId, String memberId, List<BallotAnswerInput> answers, Channel channel,
                           String clientMutationId) implements MutationEnvelope {
    }

    record TagRecommendationInput(String consultationId, String recommendationId, List<String> tags,
                                  String clientMutationId) implements MutationEnvelope {
    }
}
