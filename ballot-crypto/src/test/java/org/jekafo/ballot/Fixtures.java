package org.jekafo.ballot;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keys, forms and tampering helpers shared by the tests. */
final class Fixtures {

    static final SecureRandom RANDOM = new SecureRandom();
    static final ElectionKey KEY = ElectionKey.generate(RANDOM);
    static final ElectionPublicKey PUBLIC_KEY = KEY.publicKey();

    /** A consultation with a yes/no/abstain question and a "up to 2 of 4" question. */
    static final BallotForm FORM = BallotForm.of("consultation-bureau-2027",
            new QuestionForm("approve-budget", AnswerRule.yesNoAbstain()),
            new QuestionForm("priorities", AnswerRule.multipleChoice(4, 0, 2)));

    private Fixtures() {
    }

    static EncryptedBallot ballot(int[] first, int[] second) {
        return EncryptedBallot.encrypt(PUBLIC_KEY, FORM, List.of(first, second), RANDOM);
    }

    static EncryptedBallot yesWithPriorities() {
        return ballot(new int[]{1, 0, 0}, new int[]{0, 1, 1, 0});
    }

    static <T> List<T> replaced(List<T> list, int index, UnaryOperator<T> change) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, change.apply(copy.get(index)));
        return copy;
    }

    static EncryptedBallot withAnswer(EncryptedBallot ballot, int question, UnaryOperator<EncryptedAnswer> change) {
        return new EncryptedBallot(replaced(ballot.answers(), question, change));
    }

    static EncryptedAnswer withChoice(EncryptedAnswer answer, int option, UnaryOperator<Ciphertext> change) {
        return new EncryptedAnswer(replaced(answer.choices(), option, change), answer.choiceProofs(),
                answer.countProof());
    }

    static EncryptedAnswer withChoiceProof(EncryptedAnswer answer, int option,
                                           UnaryOperator<DisjunctiveProof> change) {
        return new EncryptedAnswer(answer.choices(), replaced(answer.choiceProofs(), option, change),
                answer.countProof());
    }

    static DisjunctiveProof withBranch(DisjunctiveProof proof, int branch,
                                       UnaryOperator<DisjunctiveProof.Branch> change) {
        return new DisjunctiveProof(replaced(proof.branches(), branch, change));
    }
}
