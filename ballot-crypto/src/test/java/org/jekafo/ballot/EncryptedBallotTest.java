package org.jekafo.ballot;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.jekafo.ballot.Fixtures.FORM;
import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.jekafo.ballot.Fixtures.yesWithPriorities;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EncryptedBallotTest {

    @Nested
    class Verification {

        @Test
        void aTallyReadsTheSameCiphertextsWithoutDecodingTheProofs() {
            EncryptedBallot ballot = yesWithPriorities();
            List<List<Ciphertext>> read = EncryptedBallot.ciphertextsOf(ballot.encode());
            assertEquals(ballot.answers().stream().map(EncryptedAnswer::choices).toList(), read);
        }

        @Test
        void aTallyRefusesATruncatedBallotText() {
            String text = yesWithPriorities().encode();
            assertThrows(MalformedEncodingException.class,
                    () -> EncryptedBallot.ciphertextsOf(text.substring(0, text.length() - 8)));
        }

        @Test
        void anHonestBallotVerifies() {
            assertTrue(yesWithPriorities().verify(PUBLIC_KEY, FORM));
        }

        @Test
        void aFlawIsNamedByQuestionAndOption() {
            EncryptedBallot ballot = yesWithPriorities();
            EncryptedBallot tampered = Fixtures.withAnswer(ballot, 1, answer -> Fixtures.withChoice(answer, 3,
                    c -> new Ciphertext(c.alpha(), c.beta().add(Group.G).normalize())));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 1, 3), tampered.findFlaw(PUBLIC_KEY, FORM).orElseThrow());
        }

        @Test
        void aFlawFoundOnlyByTheBatchIsStillNamed() {
            // challenges and transcript intact, only a response changed: only the group equations can tell
            EncryptedBallot ballot = yesWithPriorities();
            EncryptedBallot tampered = Fixtures.withAnswer(ballot, 1, answer -> Fixtures.withChoiceProof(answer, 2,
                    proof -> Fixtures.withBranch(proof, 1, b -> new DisjunctiveProof.Branch(b.commitmentG(),
                            b.commitmentH(), b.challenge(), b.response().add(java.math.BigInteger.ONE).mod(Group.ORDER)))));
            assertEquals(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, 1, 2), tampered.findFlaw(PUBLIC_KEY, FORM).orElseThrow());
        }

        @Test
        void aBallotWithAQuestionMissingHasTheWrongShape() {
            EncryptedBallot ballot = yesWithPriorities();
            EncryptedBallot truncated = new EncryptedBallot(ballot.answers().subList(0, 1));
            assertEquals(BallotFlaw.Kind.WRONG_SHAPE, truncated.findFlaw(PUBLIC_KEY, FORM).orElseThrow().kind());
        }

        @Test
        void aBallotDoesNotVerifyInAnotherConsultationWithTheSameQuestions() {
            BallotForm other = new BallotForm("consultation-bureau-2028", FORM.questions());
            assertFalse(yesWithPriorities().verify(PUBLIC_KEY, other));
        }

        @Test
        void answersSwappedBetweenQuestionsOfTheSameShapeDoNotVerify() {
            BallotForm twoYesNo = BallotForm.of("c", new QuestionForm("a", AnswerRule.yesNoAbstain()),
                    new QuestionForm("b", AnswerRule.yesNoAbstain()));
            EncryptedBallot ballot = EncryptedBallot.encrypt(PUBLIC_KEY, twoYesNo,
                    List.of(new int[]{1, 0, 0}, new int[]{0, 0, 1}), RANDOM);
            assertTrue(ballot.verify(PUBLIC_KEY, twoYesNo));
            EncryptedBallot swapped = new EncryptedBallot(List.of(ballot.answers().get(1), ballot.answers().get(0)));
            assertFalse(swapped.verify(PUBLIC_KEY, twoYesNo));
        }

        @Test
        void encryptRefusesTheWrongNumberOfAnswers() {
            assertThrows(IllegalArgumentException.class,
                    () -> EncryptedBallot.encrypt(PUBLIC_KEY, FORM, List.<int[]>of(new int[]{1, 0, 0}), RANDOM));
        }
    }

    @Nested
    class CanonicalForm {

        final EncryptedBallot ballot = yesWithPriorities();

        @Test
        void decodingTheTextGivesTheSameBallot() {
            EncryptedBallot decoded = EncryptedBallot.decode(ballot.encode());
            assertEquals(ballot, decoded);
            assertEquals(ballot.encode(), decoded.encode());
            assertTrue(decoded.verify(PUBLIC_KEY, FORM));
        }

        @Test
        void theFingerprintIsTheSha256OfTheBytesAndSurvivesDecoding() throws Exception {
            byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(ballot.toBytes());
            assertArrayEquals(expected, ballot.fingerprint());
            assertArrayEquals(expected, EncryptedBallot.decode(ballot.encode()).fingerprint());
            assertEquals(64, ballot.fingerprintHex().length());
            assertEquals(ballot.receiptCode(), EncryptedBallot.fromBytes(ballot.toBytes()).receiptCode());
        }

        @Test
        void twoBallotsOfTheSameChoicesHaveDifferentFingerprints() {
            assertNotEquals(ballot.fingerprintHex(), yesWithPriorities().fingerprintHex());
        }

        @Test
        void theSizeIsFixedByTheForm() {
            // version, question count; per question: option count, per option 66 + 1 + 2 × 130, count proof 1 + d × 130
            int first = 1 + 3 * (66 + 1 + 2 * 130) + 1 + 130;
            int second = 1 + 4 * (66 + 1 + 2 * 130) + 1 + 3 * 130;
            assertEquals(2 + first + second, ballot.toBytes().length);
            assertEquals(FORM.ballotBytes(), ballot.toBytes().length);
            assertEquals(FORM.ballotTextLength(), ballot.encode().length());
        }

        @Test
        void theTextLengthIsExactForEveryRemainderOfThree() {
            for (int options = 1; options <= 3; options++) {
                BallotForm form = BallotForm.of("c", new QuestionForm("q", AnswerRule.singleChoice(options)));
                EncryptedBallot one = EncryptedBallot.encrypt(PUBLIC_KEY, form,
                        List.of(form.rule(0).vectorOf(0)), RANDOM);
                assertEquals(form.ballotTextLength(), one.encode().length());
            }
        }

        @Test
        void textIsBase64UrlWithoutPadding() {
            assertTrue(ballot.encode().matches("[A-Za-z0-9_-]+"));
        }
    }

    @Nested
    class StrictDecoding {

        final byte[] bytes = yesWithPriorities().toBytes();

        @Test
        void trailingBytesAreRefused() {
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
            assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.fromBytes(longer));
        }

        @Test
        void aTruncatedBallotIsRefused() {
            assertThrows(MalformedEncodingException.class,
                    () -> EncryptedBallot.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)));
        }

        @Test
        void anUnknownVersionIsRefused() {
            byte[] changed = bytes.clone();
            changed[0] = 2;
            assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.fromBytes(changed));
        }

        @Test
        void aPointOffTheCurveIsRefused() {
            byte[] changed = bytes.clone();
            // the first alpha starts at offset 3; x = 0 has no point on P-256 (0 + b is not a square there),
            // and whichever x we pick, some byte flip of it leaves the curve: try until one does
            boolean refused = false;
            for (int flip = 1; flip < 256 && !refused; flip++) {
                changed[3 + 32] = (byte) (bytes[3 + 32] ^ flip);
                try {
                    EncryptedBallot.fromBytes(changed);
                } catch (MalformedEncodingException expected) {
                    refused = true;
                }
            }
            assertTrue(refused);
        }

        @Test
        void aScalarNotBelowTheGroupOrderIsRefused() {
            byte[] changed = bytes.clone();
            // first choice proof: option count at 2, ciphertext 3..68, branch count at 69, first branch's challenge
            // after its two points
            int challenge = 3 + 66 + 1 + 66;
            Arrays.fill(changed, challenge, challenge + 32, (byte) 0xff);
            assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.fromBytes(changed));
        }

        @Test
        void anUncompressedPointPrefixIsRefused() {
            byte[] changed = bytes.clone();
            changed[3] = 0x04;
            assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.fromBytes(changed));
        }

        @Test
        void paddedOrStandardBase64IsRefused() {
            String text = Base64.getUrlEncoder().encodeToString(bytes);
            String padded = text.endsWith("=") ? text : text + "==";
            assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.decode(padded));
            String standard = Base64.getEncoder().withoutPadding().encodeToString(bytes);
            if (!standard.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                assertThrows(MalformedEncodingException.class, () -> EncryptedBallot.decode(standard));
            }
        }
    }
}
