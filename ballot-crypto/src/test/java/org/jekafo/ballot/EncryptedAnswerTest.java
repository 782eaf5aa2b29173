package org.jekafo.ballot;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.jekafo.ballot.Fixtures.withBranch;
import static org.jekafo.ballot.Fixtures.withChoice;
import static org.jekafo.ballot.Fixtures.withChoiceProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedAnswerTest {

    static final QuestionContext CONTEXT = new QuestionContext("consultation-1", "question-1");
    static final AnswerRule SINGLE = AnswerRule.singleChoice(3);
    static final AnswerRule UP_TO_TWO = AnswerRule.multipleChoice(4, 0, 2);

    static EncryptedAnswer honest(AnswerRule rule, int... choices) {
        return EncryptedAnswer.encrypt(PUBLIC_KEY, CONTEXT, rule, choices, RANDOM);
    }

    static Optional<BallotFlaw> flaw(EncryptedAnswer answer, AnswerRule rule) {
        return answer.findFlaw(PUBLIC_KEY, CONTEXT, rule, 0);
    }

    static BallotFlaw flawOf(EncryptedAnswer answer, AnswerRule rule) {
        return flaw(answer, rule).orElseThrow(() -> new AssertionError("the answer verified"));
    }

    @Nested
    class HonestAnswers {

        @Test
        void everyValidSingleChoiceVerifies() {
            for (int option = 0; option < 3; option++) {
                assertTrue(honest(SINGLE, SINGLE.vectorOf(option)).verify(PUBLIC_KEY, CONTEXT, SINGLE));
            }
        }

        @Test
        void multipleChoiceVerifiesFromNoneToTheMaximum() {
            assertTrue(honest(UP_TO_TWO, 0, 0, 0, 0).verify(PUBLIC_KEY, CONTEXT, UP_TO_TWO));
            assertTrue(honest(UP_TO_TWO, 0, 0, 1, 0).verify(PUBLIC_KEY, CONTEXT, UP_TO_TWO));
            assertTrue(honest(UP_TO_TWO, 1, 0, 0, 1).verify(PUBLIC_KEY, CONTEXT, UP_TO_TWO));
        }

        @Test
        void theSameChoiceEncryptsDifferentlyEachTime() {
            assertFalse(honest(SINGLE, 1, 0, 0).equals(honest(SINGLE, 1, 0, 0)));
        }

        @Test
        void encryptRefusesAVectorTheRuleRefuses() {
            assertThrows(IllegalArgumentException.class, () -> honest(SINGLE, 1, 1, 0));
            assertThrows(IllegalArgumentException.class, () -> honest(SINGLE, 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> honest(SINGLE, 2, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> honest(SINGLE, 1, 0));
            assertThrows(IllegalArgumentException.class, () -> honest(UP_TO_TWO, 1, 1, 1, 0));
        }
    }

    @Nested
    class InvalidChoicesCannotBeProven {

        @Test
        void aCiphertextOfTwoFailsItsChoiceProof() {
            EncryptedAnswer cheat = EncryptedAnswer.encryptUnchecked(PUBLIC_KEY, CONTEXT, UP_TO_TWO,
                    new int[]{0, 2, 0, 0}, RANDOM);
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 1), flawOf(cheat, UP_TO_TWO));
        }

        @Test
        void aCiphertextOfMinusOneFailsItsChoiceProof() {
            EncryptedAnswer cheat = EncryptedAnswer.encryptUnchecked(PUBLIC_KEY, CONTEXT, UP_TO_TWO,
                    new int[]{-1, 1, 1, 0}, RANDOM);
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 0), flawOf(cheat, UP_TO_TWO));
        }

        @Test
        void twoChoicesInASingleChoiceQuestionFailTheCountProof() {
            EncryptedAnswer cheat = EncryptedAnswer.encryptUnchecked(PUBLIC_KEY, CONTEXT, SINGLE,
                    new int[]{1, 1, 0}, RANDOM);
            assertEquals(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, 0, -1), flawOf(cheat, SINGLE));
        }

        @Test
        void noChoiceInASingleChoiceQuestionFailsTheCountProof() {
            EncryptedAnswer cheat = EncryptedAnswer.encryptUnchecked(PUBLIC_KEY, CONTEXT, SINGLE,
                    new int[]{0, 0, 0}, RANDOM);
            assertEquals(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, 0, -1), flawOf(cheat, SINGLE));
        }

        @Test
        void threeChoicesWhereTwoAreAllowedFailTheCountProof() {
            EncryptedAnswer cheat = EncryptedAnswer.encryptUnchecked(PUBLIC_KEY, CONTEXT, UP_TO_TWO,
                    new int[]{1, 1, 1, 0}, RANDOM);
            assertEquals(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, 0, -1), flawOf(cheat, UP_TO_TWO));
        }

        @Test
        void anAnswerProvenForAnotherRuleDoesNotVerify() {
            EncryptedAnswer twoChosen = honest(UP_TO_TWO, 1, 1, 0, 0);
            AnswerRule exactlyOneOfFour = AnswerRule.singleChoice(4);
            assertEquals(BallotFlaw.Kind.WRONG_SHAPE, flawOf(twoChosen, exactlyOneOfFour).kind());
            assertEquals(BallotFlaw.Kind.WRONG_SHAPE, flawOf(twoChosen, SINGLE).kind());
        }
    }

    @Nested
    class TamperedAnswers {

        final EncryptedAnswer answer = honest(SINGLE, 0, 1, 0);

        @Test
        void aChangedAlphaFails() {
            EncryptedAnswer tampered = withChoice(answer, 1, c -> new Ciphertext(c.alpha().add(Group.G).normalize(), c.beta()));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 1), flawOf(tampered, SINGLE));
        }

        @Test
        void aChangedBetaFails() {
            // beta + G turns the encrypted 1 into a 2
            EncryptedAnswer tampered = withChoice(answer, 1, c -> new Ciphertext(c.alpha(), c.beta().add(Group.G).normalize()));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 1), flawOf(tampered, SINGLE));
        }

        @Test
        void swappedCiphertextsFailTheirProofs() {
            EncryptedAnswer tampered = new EncryptedAnswer(
                    List.of(answer.choices().get(1), answer.choices().get(0), answer.choices().get(2)),
                    answer.choiceProofs(), answer.countProof());
            assertEquals(BallotFlaw.Kind.CHOICE_PROOF, flawOf(tampered, SINGLE).kind());
        }

        @Test
        void ciphertextsMovedTogetherWithTheirProofsFailBecauseTheOptionIsHashed() {
            EncryptedAnswer moved = new EncryptedAnswer(
                    List.of(answer.choices().get(1), answer.choices().get(0), answer.choices().get(2)),
                    List.of(answer.choiceProofs().get(1), answer.choiceProofs().get(0), answer.choiceProofs().get(2)),
                    answer.countProof());
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 0), flawOf(moved, SINGLE));
        }

        @Test
        void challengesShiftedBetweenBranchesFailThoughTheirSumIsKept() {
            EncryptedAnswer tampered = withChoiceProof(answer, 2, proof -> {
                DisjunctiveProof shifted = withBranch(proof, 0, b -> new DisjunctiveProof.Branch(b.commitmentG(),
                        b.commitmentH(), b.challenge().add(BigInteger.ONE).mod(Group.ORDER), b.response()));
                return withBranch(shifted, 1, b -> new DisjunctiveProof.Branch(b.commitmentG(), b.commitmentH(),
                        b.challenge().subtract(BigInteger.ONE).mod(Group.ORDER), b.response()));
            });
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 2), flawOf(tampered, SINGLE));
        }

        @Test
        void aChangedChallengeFails() {
            EncryptedAnswer tampered = withChoiceProof(answer, 0, proof -> withBranch(proof, 1,
                    b -> new DisjunctiveProof.Branch(b.commitmentG(), b.commitmentH(),
                            b.challenge().add(BigInteger.ONE).mod(Group.ORDER), b.response())));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 0), flawOf(tampered, SINGLE));
        }

        @Test
        void aChangedResponseFails() {
            EncryptedAnswer tampered = withChoiceProof(answer, 1, proof -> withBranch(proof, 0,
                    b -> new DisjunctiveProof.Branch(b.commitmentG(), b.commitmentH(), b.challenge(),
                            b.response().add(BigInteger.ONE).mod(Group.ORDER))));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 1), flawOf(tampered, SINGLE));
        }

        @Test
        void aChangedCommitmentFails() {
            EncryptedAnswer tampered = withChoiceProof(answer, 1, proof -> withBranch(proof, 1,
                    b -> new DisjunctiveProof.Branch(b.commitmentG(), b.commitmentH().add(Group.G).normalize(),
                            b.challenge(), b.response())));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 0, 1), flawOf(tampered, SINGLE));
        }

        @Test
        void aChangedCountProofFails() {
            EncryptedAnswer tampered = new EncryptedAnswer(answer.choices(), answer.choiceProofs(),
                    withBranch(answer.countProof(), 0, b -> new DisjunctiveProof.Branch(b.commitmentG(),
                            b.commitmentH(), b.challenge(), b.response().add(BigInteger.TWO).mod(Group.ORDER))));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, 0, -1), flawOf(tampered, SINGLE));
        }

        @Test
        void aCiphertextWithoutRandomnessIsRefused() {
            EncryptedAnswer tampered = withChoice(answer, 0, c -> new Ciphertext(Group.infinity(), Group.infinity()));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.NO_RANDOMNESS, 0, 0), flawOf(tampered, SINGLE));
        }
    }

    @Nested
    class Replay {

        final EncryptedAnswer answer = honest(SINGLE, 1, 0, 0);

        @Test
        void anAnswerDoesNotVerifyInAnotherConsultation() {
            assertTrue(answer.verify(PUBLIC_KEY, CONTEXT, SINGLE));
            assertFalse(answer.verify(PUBLIC_KEY, new QuestionContext("consultation-2", "question-1"), SINGLE));
        }

        @Test
        void anAnswerDoesNotVerifyForAnotherQuestion() {
            assertFalse(answer.verify(PUBLIC_KEY, new QuestionContext("consultation-1", "question-2"), SINGLE));
        }

        @Test
        void contextFieldsAreNotConcatenated() {
            QuestionContext left = new QuestionContext("ab", "c");
            EncryptedAnswer proven = EncryptedAnswer.encrypt(PUBLIC_KEY, left, SINGLE, new int[]{1, 0, 0}, RANDOM);
            assertTrue(proven.verify(PUBLIC_KEY, left, SINGLE));
            assertFalse(proven.verify(PUBLIC_KEY, new QuestionContext("a", "bc"), SINGLE));
        }

        @Test
        void anAnswerDoesNotVerifyUnderAnotherKey() {
            assertFalse(answer.verify(ElectionKey.generate(RANDOM).publicKey(), CONTEXT, SINGLE));
        }
    }
}
