package org.jekafo.command.consultation;

import org.jekafo.api.common.Channel;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.ChoiceOption;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionKind;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.Problems;
import org.jekafo.command.common.Require;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_SCHEDULE;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_CLOSED;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_ORG_UNIT;

/**
 * A consultation's plan as given, checked and cleaned: every problem at once (a form shows them all), texts
 * bounded, question and option identifiers given where the drafter left them out ({@code Q1}, {@code Q1-A}), the
 * options of a yes/no/abstain question set by the system.
 */
final class PlanInput {

    static final List<ChoiceOption> YES_NO_ABSTAIN = List.of(new ChoiceOption("YES", "Oui", "Ɔwɔ"),
            new ChoiceOption("NO", "Non", "Ayi"), new ChoiceOption("ABSTAIN", "Abstention", null));

    private PlanInput() {
    }

    static ConsultationPlan checked(ConsultationPlan plan, OrgUnitDirectory units, Instant now) {
        Require.that(plan != null, INVALID_INPUT, "plan", "Le plan de la consultation est obligatoire.");
        Problems problems = new Problems();
        String title = problems.check(() -> Require.text(plan.title(), TextLimit.CONSULTATION_TITLE, INVALID_INPUT,
                "Le titre de la consultation est obligatoire."));
        String titleBm = problems.check(() -> Require.optionalText(plan.titleBm(),
                TextLimit.CONSULTATION_TITLE.forField("titleBm")));
        String description = problems.check(() -> Require.optionalText(plan.description(),
                TextLimit.CONSULTATION_DESCRIPTION));
        String descriptionBm = problems.check(() -> Require.optionalText(plan.descriptionBm(),
                TextLimit.CONSULTATION_DESCRIPTION.forField("descriptionBm")));
        List<Question> questions = problems.check(() -> questions(plan.questions()));
        Eligibility eligibility = problems.check(() -> eligibility(plan.eligibility(), units));
        problems.check(() -> Require.that(plan.mode() != null, INVALID_INPUT, "mode",
                "Le mode de scrutin (OPEN ou SECRET) est obligatoire."));
        List<Channel> channels = problems.check(() -> channels(plan.channels()));
        problems.check(() -> schedule(plan.opensAt(), plan.closesAt(), now));
        problems.check(() -> Require.that(plan.quorumPercent() >= 0 && plan.quorumPercent() <= 100, INVALID_INPUT,
                "quorumPercent", "Le quorum est un pourcentage des membres éligibles, entre 0 et 100."));
        problems.refuseIfAny();
        return new ConsultationPlan(title, titleBm, description, descriptionBm, questions, eligibility, plan.mode(),
                channels, plan.opensAt(), plan.closesAt(), plan.quorumPercent());
    }

    private static List<Question> questions(List<Question> given) {
        Require.that(given != null && !given.isEmpty(), INVALID_INPUT, "questions",
                "Une consultation pose au moins une question.");
        Require.that(given.size() <= TextLimit.MAX_QUESTIONS, TextLimit.TOO_MANY_VALUES, "questions",
                "Une consultation pose au plus " + TextLimit.MAX_QUESTIONS + " questions.");
        Problems problems = new Problems();
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            int index = i;
            Question question = problems.check(() -> question(given.get(index), index));
            if (question != null) {
                problems.check(() -> Require.that(ids.add(question.questionId()), INVALID_INPUT,
                        "questions." + index + ".questionId", "Deux questions portent l'identifiant « "
                                + question.questionId() + " »."));
                questions.add(question);
            }
        }
        problems.refuseIfAny();
        return List.copyOf(questions);
    }

    private static Question question(Question given, int index) {
        String at = "questions." + index;
        Require.that(given != null && given.kind() != null, INVALID_INPUT, at + ".kind",
                "Le genre de la question " + (index + 1) + " est obligatoire.");
        String id = given.questionId() == null || given.questionId().isBlank() ? "Q" + (index + 1)
                : identifier(given.questionId(), at + ".questionId");
        String text = Require.text(given.text(), TextLimit.QUESTION_TEXT.forField(at + ".text"), INVALID_INPUT,
                "Le texte de la question " + (index + 1) + " est obligatoire.");
        String textBm = Require.optionalText(given.textBm(), TextLimit.QUESTION_TEXT.forField(at + ".textBm"));
        return switch (given.kind()) {
            case FREE_TEXT -> new Question(id, QuestionKind.FREE_TEXT, text, textBm, List.of(), 0);
            case YES_NO_ABSTAIN -> new Question(id, QuestionKind.YES_NO_ABSTAIN, text, textBm, YES_NO_ABSTAIN, 1);
            case SINGLE_CHOICE -> new Question(id, QuestionKind.SINGLE_CHOICE, text, textBm, options(given, id, at), 1);
            case MULTIPLE_CHOICE -> {
                List<ChoiceOption> options = options(given, id, at);
                Require.that(given.maxChoices() >= 1 && given.maxChoices() <= options.size(), INVALID_INPUT,
                        at + ".maxChoices", "Le nombre maximum de choix est compris entre 1 et le nombre de choix ("
                                + options.size() + ").");
                yield new Question(id, QuestionKind.MULTIPLE_CHOICE, text, textBm, options, given.maxChoices());
            }
        };
    }

    private static List<ChoiceOption> options(Question given, String questionId, String at) {
        List<ChoiceOption> options = given.options() == null ? List.of() : given.options();
        Require.that(options.size() >= 2, INVALID_INPUT, at + ".options", "Une question à choix propose au moins "
                + "deux choix.");
        Require.that(options.size() <= TextLimit.MAX_OPTIONS, TextLimit.TOO_MANY_VALUES, at + ".options",
                "Une question propose au plus " + TextLimit.MAX_OPTIONS + " choix.");
        List<ChoiceOption> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            ChoiceOption option = options.get(i);
            String optionAt = at + ".options." + i;
            String id = option == null || option.optionId() == null || option.optionId().isBlank()
                    ? questionId + "-" + (char) ('A' + i) : identifier(option.optionId(), optionAt + ".optionId");
            Require.that(ids.add(id), INVALID_INPUT, optionAt + ".optionId", "Deux choix portent l'identifiant « "
                    + id + " ».");
            String label = Require.text(option == null ? null : option.label(),
                    TextLimit.OPTION_LABEL.forField(optionAt + ".label"), INVALID_INPUT, "Chaque choix a un libellé.");
            String labelBm = option == null ? null : Require.optionalText(option.labelBm(),
                    TextLimit.OPTION_LABEL.forField(optionAt + ".labelBm"));
            checked.add(new ChoiceOption(id, label, labelBm));
        }
        return List.copyOf(checked);
    }

    private static String identifier(String given, String field) {
        String id = Require.bounded(given.trim(), new TextLimit(field, "Un identifiant de question ou de choix", 40));
        Require.that(id.matches("[A-Za-z0-9_-]+"), INVALID_INPUT, field,
                "Un identifiant de question ou de choix ne contient que des lettres, chiffres, « - » et « _ ».");
        return id;
    }

    private static Eligibility eligibility(Eligibility given, OrgUnitDirectory units) {
        Require.that(given != null && given.orgUnitId() != null, INVALID_INPUT, "eligibility.orgUnitId",
                "L'unité dont les membres votent est obligatoire.");
        String unitId = Require.bounded(given.orgUnitId(), TextLimit.IDENTIFIER.forField("eligibility.orgUnitId"));
        OrgUnitEntry unit = units.find(unitId).orElseThrow(() -> new CommandRefusedException(UNKNOWN_ORG_UNIT,
                "eligibility.orgUnitId", "L'unité est inconnue."));
        Require.that(!unit.closed(), ORG_UNIT_CLOSED, "eligibility.orgUnitId", "L'unité est fermée.");
        String trade = given.trade() == null ? null
                : Require.bounded(given.trade().trim(), TextLimit.TRADE_CODE.forField("eligibility.trade"));
        return new Eligibility(unit.orgUnitId(), given.gender(), trade, given.statusesOrDefault(),
                given.enrolledBefore());
    }

    private static List<Channel> channels(List<Channel> given) {
        List<Channel> channels = given == null ? List.of() : given.stream().distinct().toList();
        Require.that(!channels.isEmpty(), INVALID_INPUT, "channels",
                "Indiquez par quels canaux les membres votent (PORTAL, FIELD_AGENT, SMS, USSD).");
        Require.that(channels.stream().allMatch(PlanInput::ballotChannel), INVALID_INPUT, "channels",
                "Les canaux de vote sont PORTAL, FIELD_AGENT, SMS et USSD.");
        return channels;
    }

    static boolean ballotChannel(Channel channel) {
        return channel == Channel.PORTAL || channel == Channel.FIELD_AGENT || channel == Channel.SMS
                || channel == Channel.USSD;
    }

    private static void schedule(Instant opensAt, Instant closesAt, Instant now) {
        Require.that(opensAt != null && closesAt != null, INVALID_SCHEDULE, "closesAt",
                "Les dates d'ouverture et de clôture sont obligatoires.");
        Require.that(opensAt.isBefore(closesAt), INVALID_SCHEDULE, "closesAt",
                "La clôture doit suivre l'ouverture.");
        Require.that(closesAt.isAfter(now), INVALID_SCHEDULE, "closesAt", "La date de clôture est déjà passée.");
    }

}
