package org.jekafo.ballot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ballot and decryptions made once and kept (src/test/resources/golden): the format, the hash inputs and the
 * receipt derivation must keep reading and verifying them, or every stored ballot would be lost.
 */
class GoldenRecordTest {

    static final BallotForm FORM = BallotForm.of("golden-consultation", new QuestionForm("q1", AnswerRule.yesNoAbstain()));

    static String resource(String name) throws IOException {
        try (InputStream in = GoldenRecordTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    static ElectionKey goldenKey() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        return ElectionKey.fromPrivateBytes(secret);
    }

    @Test
    void theGoldenKeyHasItsPublishedPublicKey() throws IOException {
        assertEquals(resource("public-key.txt"), goldenKey().publicKey().encode());
    }

    @Test
    void theGoldenBallotStillDecodesVerifiesAndReencodesIdentically() throws IOException {
        ElectionPublicKey key = ElectionPublicKey.decode(resource("public-key.txt"));
        String text = resource("ballot.txt");
        EncryptedBallot ballot = EncryptedBallot.decode(text);
        assertTrue(ballot.verify(key, FORM));
        assertEquals(text, ballot.encode());
        assertEquals(resource("fingerprint.txt"), ballot.fingerprintHex());
        assertEquals(resource("receipt.txt"), ballot.receiptCode().display());
    }

    @Test
    void theGoldenDecryptionsStillVerifyAndCountTheBallotForNo() throws IOException {
        ElectionPublicKey key = ElectionPublicKey.decode(resource("public-key.txt"));
        EncryptedBallot ballot = EncryptedBallot.decode(resource("ballot.txt"));
        Tally tally = Tally.of(FORM, List.of(ballot));
        List<String> lines = resource("decryptions.txt").lines().toList();
        for (int option = 0; option < 3; option++) {
            ProvenDecryption decryption = ProvenDecryption.decode(lines.get(option));
            assertTrue(decryption.verify(key, tally.sums().get(0).get(option), FORM.context(0), option));
            assertEquals(option == 1 ? 1 : 0, decryption.value());
            assertEquals(lines.get(option), decryption.encode());
        }
    }
}
