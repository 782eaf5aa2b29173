package org.jekafo.ballot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.jekafo.ballot.Fixtures.KEY;
import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishedRecordTest {

    static final BallotForm FORM = BallotForm.of("consultation 2027/bureau é",
            new QuestionForm("budget", AnswerRule.yesNoAbstain()),
            new QuestionForm("priorités", AnswerRule.multipleChoice(4, 1, 2)));

    static String text;

    @BeforeAll
    static void publish() {
        List<EncryptedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ballots.add(EncryptedBallot.encrypt(PUBLIC_KEY, FORM,
                    List.of(new int[]{1, 0, 0}, i % 2 == 0 ? new int[]{0, 1, 0, 1} : new int[]{1, 0, 0, 0}),
                    Fixtures.RANDOM));
        }
        DecryptedTally tally = KEY.decryptTally(FORM, Tally.of(FORM, ballots));
        text = new PublishedRecord(PUBLIC_KEY, FORM, ballots, tally).write();
    }

    @Test
    void aWrittenRecordReadsBackAndRecountsConfirmed() {
        PublishedRecord record = PublishedRecord.read(text);
        assertEquals(FORM, record.form());
        assertEquals(text, record.write());
        RecountReport report = record.recount();
        assertTrue(report.confirmed(), report::describe);
        assertEquals(List.of(List.of(6, 0, 0), List.of(3, 3, 0, 3)), report.counts());
    }

    @Test
    void aRecordWithAChangedCountIsReadButNotConfirmed() {
        String[] lines = text.split("\n");
        int last = lines.length - 1;
        String count = lines[last];
        int dot = count.lastIndexOf(' ') + 1;
        String changed = count.substring(0, dot) + "4" + count.substring(count.indexOf('.', dot));
        lines[last] = changed;
        RecountReport report = PublishedRecord.read(String.join("\n", lines) + "\n").recount();
        assertFalse(report.confirmed());
        assertEquals(RecountReport.Kind.WRONG_DECRYPTION, report.findings().get(0).kind());
        assertTrue(report.describe().contains("NON confirmé"));
    }

    @Test
    void aMalformedRecordIsRefusedWithItsLine() {
        String missingCount = text.substring(0, text.lastIndexOf("count "));
        MalformedEncodingException error = assertThrows(MalformedEncodingException.class,
                () -> PublishedRecord.read(missingCount));
        assertTrue(error.getMessage().contains("count"), error.getMessage());
        String extraSpace = text.replaceFirst("ballot ", "ballot  ");
        assertThrows(MalformedEncodingException.class, () -> PublishedRecord.read(extraSpace));
        String wrongHeader = text.replaceFirst("record 1", "record 2");
        assertThrows(MalformedEncodingException.class, () -> PublishedRecord.read(wrongHeader));
    }
}
