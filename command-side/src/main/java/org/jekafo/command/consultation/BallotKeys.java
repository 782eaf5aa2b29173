package org.jekafo.command.consultation;

import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionResult;

import java.util.List;
import java.util.Set;

/**
 * A secret consultation's key and ballots: the key pair made at opening, its private half kept until the tally and
 * destroyed with it; ballots encrypted with their proofs; the tally decrypting only sums, with proofs.
 */
interface BallotKeys {

    /** Makes the consultation's key pair, keeps the private half, answers the public one (published at opening). */
    String create(String consultationId);

    /** A ballot as stored and published: encrypted with its proofs; and its receipt code. */
    record Sealed(String ballot, String receipt) {
    }

    /** The ballot of these choice questions' answers, encrypted under the consultation's key. */
    Sealed seal(ConsultationEntry consultation, List<Question> choices, List<Answer> answers);

    /**
     * Each question's counts, decrypted from the encrypted sums with their proofs: in all, and per group of voters
     * not suppressed. A secret multiple choice has no blank count (which ballots chose nothing is not in the sums).
     */
    List<QuestionResult> tally(String consultationId, List<Question> choices, List<BoxedBallot> ballots,
                               Set<String> suppressed);

    /** Destroys the private key, in the transaction that records the tally (or the cancellation). */
    void destroy(String consultationId);
}
