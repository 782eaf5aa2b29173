package org.jekafo.ballot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.jekafo.ballot.Fixtures.FORM;
import static org.jekafo.ballot.Fixtures.KEY;
import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecountTest {

    static List<String> published;
    static DecryptedTally result;

    /** The published record as an auditor downloads it: ballots as text, the proven counts. */
    @BeforeAll
    static void publish() {
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ballots.add(Fixtures.ballot(new int[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}[i % 3],
                    new int[][]{{1, 0, 0, 1}, {0, 0, 0, 0}}[i % 2]));
        }
        published = ballots.stream().map(EncryptedBallot::encode).toList();
        result = KEY.decryptTally(FORM, Tally.of(FORM, ballots));
    }

    static List<EncryptedBallot> downloaded() {
        return published.stream().map(EncryptedBallot::decode).toList();
    }

    @Test
    void anHonestRecordIsConfirmedWithItsCounts() {
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, downloaded(), result);
        assertTrue(report.confirmed(), report::describe);
        assertEquals(List.of(List.of(4, 4, 4), List.of(6, 0, 0, 6)), report.counts());
        assertEquals(12, report.ballots());
    }

    @Test
    void aValidBallotSubstitutedForAnotherFailsEveryPublishedCount() {
        // an operator swaps ballot 5 for one of its own making, proofs and all: the ballot verifies, but each
        // decryption proof is bound to the exact sum it decrypted, and every sum has changed
        List<EncryptedBallot> ballots = new ArrayList<>(downloaded());
        ballots.set(4, Fixtures.ballot(new int[]{0, 0, 1}, new int[]{1, 0, 0, 1}));
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, ballots, result);
        assertFalse(report.confirmed());
        assertEquals(7, report.findings().size(), report::describe);
        assertTrue(report.findings().stream().allMatch(f -> f.kind() == RecountReport.Kind.WRONG_DECRYPTION));
    }

    @Test
    void aTamperedBallotIsNamedWithItsReceipt() {
        List<EncryptedBallot> ballots = new ArrayList<>(downloaded());
        EncryptedBallot original = ballots.get(7);
        ballots.set(7, Fixtures.withAnswer(original, 0, answer -> Fixtures.withChoice(answer, 2,
                c -> new Ciphertext(c.alpha(), c.beta().add(Group.G).normalize()))));
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, ballots, result);
        assertFalse(report.confirmed());
        RecountReport.Finding invalid = report.findings().get(0);
        assertEquals(RecountReport.Kind.INVALID_BALLOT, invalid.kind());
        assertEquals(7, invalid.ballot());
        assertEquals(0, invalid.question());
        assertEquals(2, invalid.option());
        assertTrue(invalid.description().contains(ballots.get(7).receiptCode().display()), invalid.description());
        // and the changed sum no longer decrypts to the published count
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == RecountReport.Kind.WRONG_DECRYPTION
                && f.question() == 0 && f.option() == 2));
    }

    @Test
    void aWrongPublishedCountIsCaught() {
        List<List<ProvenDecryption>> decryptions = new ArrayList<>(result.decryptions());
        ProvenDecryption honest = decryptions.get(1).get(3);
        decryptions.set(1, Fixtures.replaced(decryptions.get(1), 3, d -> new ProvenDecryption(d.value() + 1,
                d.commitmentG(), d.commitmentAlpha(), d.response())));
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, downloaded(), new DecryptedTally(12, decryptions));
        assertEquals(1, report.findings().size(), report::describe);
        RecountReport.Finding wrong = report.findings().get(0);
        assertEquals(RecountReport.Kind.WRONG_DECRYPTION, wrong.kind());
        assertEquals(1, wrong.question());
        assertEquals(3, wrong.option());
        assertEquals(honest.value() + 1, report.counts().get(1).get(3));
    }

    @Test
    void countsSwappedBetweenOptionsAreCaught() {
        List<List<ProvenDecryption>> decryptions = new ArrayList<>(result.decryptions());
        List<ProvenDecryption> second = result.decryptions().get(1);
        decryptions.set(1, List.of(second.get(1), second.get(0), second.get(2), second.get(3)));
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, downloaded(), new DecryptedTally(12, decryptions));
        assertEquals(List.of(0, 1), report.findings().stream().map(RecountReport.Finding::option).toList());
    }

    @Test
    void aDroppedBallotIsCaught() {
        List<EncryptedBallot> ballots = new ArrayList<>(downloaded());
        ballots.remove(3);
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, ballots, result);
        assertFalse(report.confirmed());
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == RecountReport.Kind.BALLOT_COUNT));
        assertTrue(report.findings().stream().anyMatch(f -> f.kind() == RecountReport.Kind.WRONG_DECRYPTION));
    }

    @Test
    void aCopiedBallotIsCaught() {
        List<EncryptedBallot> ballots = new ArrayList<>(downloaded());
        ballots.add(ballots.get(2));
        Tally tally = Tally.of(FORM, ballots);
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, ballots, KEY.decryptTally(FORM, tally));
        assertFalse(report.confirmed());
        RecountReport.Finding copy = report.findings().get(0);
        assertEquals(RecountReport.Kind.DUPLICATE_CIPHERTEXT, copy.kind());
        assertEquals(12, copy.ballot());
    }

    @Test
    void aMissingCountIsCaught() {
        List<List<ProvenDecryption>> decryptions = List.of(result.decryptions().get(0),
                result.decryptions().get(1).subList(0, 3));
        RecountReport report = Recount.run(PUBLIC_KEY, FORM, downloaded(), new DecryptedTally(12, decryptions));
        assertEquals(RecountReport.Kind.MISSING_DECRYPTION, report.findings().get(0).kind());
    }

    @Test
    void aRecordRecountedUnderAnotherKeyIsNotConfirmed() {
        RecountReport report = Recount.run(ElectionKey.generate(RANDOM).publicKey(), FORM, downloaded(), result);
        assertEquals(12 + 7, report.findings().size(), report::describe);
    }
}
