package org.jekafo.ballot;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.jekafo.ballot.Fixtures.ballot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TallyFormTest {

    private final EncryptedBallot ballot = ballot(new int[]{0, 1, 0}, new int[]{1, 0, 1, 0});

    @Test
    void theTallyFormGivesTheSameCiphertextsAsThePublishedBallot() {
        String published = ballot.encode();
        String tallyForm = TallyForm.of(published);

        assertNotEquals(published, tallyForm);
        assertEquals(EncryptedBallot.ciphertextsOf(published), TallyForm.ciphertexts(tallyForm));
        assertEquals(EncryptedBallot.ciphertextsOf(published), TallyForm.ciphertexts(published), "either form is read");
    }

    @Test
    void itHoldsTheCiphertextsOnlyWithUncompressedPoints() {
        byte[] bytes = Base64.getUrlDecoder().decode(TallyForm.of(ballot.encode()));

        assertEquals(2 + (1 + 3 * 130) + (1 + 4 * 130), bytes.length);
        assertEquals(TallyForm.VERSION, bytes[0] & 0xff);
        assertEquals(0x04, bytes[3], "the first alpha, uncompressed");
    }

    @Test
    void aPointOffTheCurveOrATruncatedFormIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(TallyForm.of(ballot.encode()));
        byte[] offCurve = bytes.clone();
        offCurve[3 + 64] ^= 1; // the last byte of the first alpha's y
        byte[] compressedPrefix = bytes.clone();
        compressedPrefix[3] = 0x02;

        for (byte[] bad : List.of(offCurve, compressedPrefix, java.util.Arrays.copyOf(bytes, bytes.length - 1),
                java.util.Arrays.copyOf(bytes, bytes.length + 1))) {
            assertThrows(MalformedEncodingException.class, () -> TallyForm.ciphertexts(Base64Url.encode(bad)));
        }
    }

    @Test
    void sumsOfTallyFormsDecryptToTheCounts() {
        List<EncryptedBallot> ballots = List.of(ballot(new int[]{1, 0, 0}, new int[]{1, 1, 0, 0}),
                ballot(new int[]{1, 0, 0}, new int[]{0, 1, 0, 0}), ballot(new int[]{0, 0, 1}, new int[]{0, 0, 0, 1}));
        Ciphertext[][] sums = {{Ciphertext.zero(), Ciphertext.zero(), Ciphertext.zero()},
                {Ciphertext.zero(), Ciphertext.zero(), Ciphertext.zero(), Ciphertext.zero()}};
        for (EncryptedBallot each : ballots) {
            List<List<Ciphertext>> read = TallyForm.ciphertexts(TallyForm.of(each.encode()));
            for (int q = 0; q < sums.length; q++) {
                for (int o = 0; o < sums[q].length; o++) {
                    sums[q][o] = sums[q][o].add(read.get(q).get(o));
                }
            }
        }

        Tally tally = new Tally(ballots.size(), List.of(List.of(sums[0]), List.of(sums[1])));
        assertEquals(List.of(List.of(2, 0, 1), List.of(1, 2, 0, 1)), Fixtures.KEY.decryptTally(Fixtures.FORM, tally)
                .counts());
    }
}
