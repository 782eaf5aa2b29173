package org.jekafo.ballot;

import java.util.HashSet;
import java.util.List;

/**
 * The shape of a consultation's secret ballot: its identifier and its questions in order. Ballots are encrypted
 * and verified against it; a tally and its decryptions are indexed [question][option] in this order.
 */
public record BallotForm(String consultationId, List<QuestionForm> questions) {

    /** Most questions a ballot may have (the count is one byte in the ballot format). */
    public static final int MAX_QUESTIONS = 64;

    public BallotForm {
        QuestionContext.requireId(consultationId, "consultationId");
        questions = List.copyOf(questions);
        if (questions.isEmpty() || questions.size() > MAX_QUESTIONS) {
            throw new IllegalArgumentException("a ballot has 1 to " + MAX_QUESTIONS + " questions");
        }
        if (new HashSet<>(questions.stream().map(QuestionForm::questionId).toList()).size() != questions.size()) {
            throw new IllegalArgumentException("question identifiers must be distinct");
        }
    }

    public static BallotForm of(String consultationId, QuestionForm... questions) {
        return new BallotForm(consultationId, List.of(questions));
    }

    public QuestionContext context(int question) {
        return new QuestionContext(consultationId, questions.get(question).questionId());
    }

    public AnswerRule rule(int question) {
        return questions.get(question).rule();
    }

    /**
     * The exact size in bytes of every valid ballot of this form, so that a caller can refuse a longer text
     * before decoding it: 2 + Σ over questions of (1 + n·327 + 1 + 130·(max − min + 1)).
     */
    public int ballotBytes() {
        int size = 2;
        for (QuestionForm question : questions) {
            AnswerRule rule = question.rule();
            size += 1 + rule.options() * (Ciphertext.BYTES + 1 + 2 * DisjunctiveProof.Branch.BYTES)
                    + 1 + (rule.maxChosen() - rule.minChosen() + 1) * DisjunctiveProof.Branch.BYTES;
        }
        return size;
    }

    /** The exact length of every valid ballot's text form ({@link EncryptedBallot#encode}). */
    public int ballotTextLength() {
        int bytes = ballotBytes();
        return bytes / 3 * 4 + (bytes % 3 == 0 ? 0 : bytes % 3 + 1);
    }
}
