package org.jekafo.ballot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static org.jekafo.ballot.Fixtures.FORM;
import static org.jekafo.ballot.Fixtures.KEY;
import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TallyTest {

    /** 7 yes, 4 no, 2 abstain; priorities: option 1 × 7, option 2 × 8, option 3 × 6, option 4 × 0. */
    static final List<EncryptedBallot> BALLOTS = new ArrayList<>();

    @BeforeAll
    static void vote() {
        int[][] first = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        int[] firstCounts = {7, 4, 2};
        int[][] second = {{1, 1, 0, 0}, {0, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}, {1, 0, 1, 0}};
        int[] secondCounts = {3, 3, 2, 1, 4};
        List<int[]> firstAnswers = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < firstCounts[k]; i++) {
                firstAnswers.add(first[k]);
            }
        }
        List<int[]> secondAnswers = new ArrayList<>();
        for (int k = 0; k < second.length; k++) {
            for (int i = 0; i < secondCounts[k]; i++) {
                secondAnswers.add(second[k]);
            }
        }
        for (int i = 0; i < 13; i++) {
            BALLOTS.add(Fixtures.ballot(firstAnswers.get(i), secondAnswers.get(i)));
        }
    }

    @Test
    void theDecryptedSumsAreTheCountsOfTheChoicesMade() {
        DecryptedTally result = KEY.decryptTally(FORM, Tally.of(FORM, BALLOTS));
        assertEquals(13, result.ballotCount());
        assertEquals(List.of(List.of(7, 4, 2), List.of(7, 8, 6, 0)), result.counts());
    }

    @Test
    void everyDecryptionProofVerifiesWithThePublicKeyAlone() {
        Tally tally = Tally.of(FORM, BALLOTS);
        DecryptedTally result = KEY.decryptTally(FORM, tally);
        ElectionPublicKey published = ElectionPublicKey.decode(PUBLIC_KEY.encode());
        for (int q = 0; q < 2; q++) {
            for (int o = 0; o < tally.sums().get(q).size(); o++) {
                ProvenDecryption decryption = ProvenDecryption.decode(result.decryptions().get(q).get(o).encode());
                assertTrue(decryption.verify(published, tally.sums().get(q).get(o), FORM.context(q), o));
            }
        }
    }

    @Test
    void summingIsHomomorphic() {
        Ciphertext three = PUBLIC_KEY.encrypt(3, RANDOM);
        Ciphertext four = PUBLIC_KEY.encrypt(4, RANDOM);
        ProvenDecryption seven = KEY.decrypt(three.add(four), FORM.context(0), 0, 100);
        assertEquals(7, seven.value());
        assertEquals(0, KEY.decrypt(Ciphertext.zero(), FORM.context(0), 0, 10).value());
    }

    @Test
    void anEmptyTallyDecryptsToZerosWithValidProofs() {
        Tally tally = Tally.of(FORM, List.of());
        DecryptedTally result = KEY.decryptTally(FORM, tally);
        assertEquals(List.of(List.of(0, 0, 0), List.of(0, 0, 0, 0)), result.counts());
        assertTrue(result.decryptions().get(1).get(2).verify(PUBLIC_KEY, tally.sums().get(1).get(2), FORM.context(1), 2));
        assertEquals(tally.sums().get(0).get(0), Ciphertext.decode(tally.sums().get(0).get(0).encode()));
    }

    @Test
    void aClaimedValueOtherThanTheDecryptionFails() {
        Tally tally = Tally.of(FORM, BALLOTS);
        Ciphertext sum = tally.sums().get(0).get(0);
        ProvenDecryption honest = KEY.decrypt(sum, FORM.context(0), 0, 13);
        ProvenDecryption inflated = new ProvenDecryption(honest.value() + 1, honest.commitmentG(),
                honest.commitmentAlpha(), honest.response());
        assertFalse(inflated.verify(PUBLIC_KEY, sum, FORM.context(0), 0));
    }

    @Test
    void aTamperedDecryptionProofFails() {
        Tally tally = Tally.of(FORM, BALLOTS);
        Ciphertext sum = tally.sums().get(0).get(1);
        ProvenDecryption honest = KEY.decrypt(sum, FORM.context(0), 1, 13);
        assertTrue(honest.verify(PUBLIC_KEY, sum, FORM.context(0), 1));
        assertFalse(new ProvenDecryption(honest.value(), honest.commitmentG(), honest.commitmentAlpha(),
                honest.response().add(BigInteger.ONE).mod(Group.ORDER)).verify(PUBLIC_KEY, sum, FORM.context(0), 1));
        assertFalse(new ProvenDecryption(honest.value(), honest.commitmentG().add(Group.G).normalize(),
                honest.commitmentAlpha(), honest.response()).verify(PUBLIC_KEY, sum, FORM.context(0), 1));
    }

    @Test
    void aDecryptionProvesNothingForAnotherSumOptionOrConsultation() {
        Tally tally = Tally.of(FORM, BALLOTS);
        ProvenDecryption zeros = KEY.decrypt(tally.sums().get(1).get(3), FORM.context(1), 3, 13);
        assertTrue(zeros.verify(PUBLIC_KEY, tally.sums().get(1).get(3), FORM.context(1), 3));
        Ciphertext otherZero = PUBLIC_KEY.encrypt(0, RANDOM);
        assertFalse(zeros.verify(PUBLIC_KEY, otherZero, FORM.context(1), 3));
        assertFalse(zeros.verify(PUBLIC_KEY, tally.sums().get(1).get(3), FORM.context(1), 2));
        assertFalse(zeros.verify(PUBLIC_KEY, tally.sums().get(1).get(3),
                new QuestionContext("another-consultation", "priorities"), 3));
        assertFalse(zeros.verify(ElectionKey.generate(RANDOM).publicKey(), tally.sums().get(1).get(3),
                FORM.context(1), 3));
    }

    @Test
    void aSumAboveTheBoundIsNotDecrypted() {
        Ciphertext eleven = PUBLIC_KEY.encrypt(11, RANDOM);
        assertThrows(IllegalStateException.class, () -> KEY.decrypt(eleven, FORM.context(0), 0, 10));
    }

    @Test
    void aBallotOfAnotherShapeCannotBeSummed() {
        EncryptedBallot truncated = new EncryptedBallot(BALLOTS.get(0).answers().subList(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Tally.of(FORM, List.of(BALLOTS.get(1), truncated)));
    }
}
