package org.jekafo.ballot;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The auditor's recount, from the published record alone: the public key, the ballot form, the list of encrypted
 * ballots and the proven decryptions. It verifies every ballot's proofs, refuses repeated ciphertexts, recomputes
 * every option's sum and verifies that each published count is the proven decryption of that sum. It needs no
 * secret and trusts nothing of the server's beyond what it checks.
 *
 * <p>From a shell, on a published record file ({@link PublishedRecord}):
 * <pre>
 * java -cp ballot-crypto.jar:bcprov-jdk18on.jar org.jekafo.ballot.Recount record.txt
 * </pre>
 * prints the report in French and exits with 0 when the result is confirmed, 1 when it is not, 2 when the file
 * cannot be read as a record.
 */
public final class Recount {

    private Recount() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage : Recount <fichier du registre publié>");
            System.exit(2);
        }
        PublishedRecord record;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            record = PublishedRecord.read(in);
        } catch (IOException | MalformedEncodingException e) {
            System.err.println("registre illisible : " + e.getMessage());
            System.exit(2);
            return;
        }
        RecountReport report = record.recount();
        System.out.print(report.describe());
        System.exit(report.confirmed() ? 0 : 1);
    }

    public static RecountReport run(ElectionPublicKey key, BallotForm form, List<EncryptedBallot> ballots,
                                    DecryptedTally published) {
        List<RecountReport.Finding> findings = new ArrayList<>();

        List<Optional<BallotFlaw>> flaws = IntStream.range(0, ballots.size()).parallel()
                .mapToObj(i -> ballots.get(i).findFlaw(key, form)).toList();
        for (int i = 0; i < flaws.size(); i++) {
            int ballot = i;
            flaws.get(i).ifPresent(flaw -> findings.add(new RecountReport.Finding(RecountReport.Kind.INVALID_BALLOT,
                    ballot, flaw.question(), flaw.option(), describe(ballots.get(ballot), ballot) + flaw.describe())));
        }

        Map<ByteBuffer, Integer> seen = new HashMap<>();
        for (int i = 0; i < ballots.size(); i++) {
            EncryptedBallot ballot = ballots.get(i);
            for (int q = 0; q < ballot.answers().size(); q++) {
                List<Ciphertext> choices = ballot.answers().get(q).choices();
                for (int o = 0; o < choices.size(); o++) {
                    Integer first = seen.putIfAbsent(ByteBuffer.wrap(Group.encodePoint(choices.get(o).alpha())), i);
                    if (first != null && first != i) {
                        findings.add(new RecountReport.Finding(RecountReport.Kind.DUPLICATE_CIPHERTEXT, i, q, o,
                                describe(ballot, i) + "question " + (q + 1) + ", option " + (o + 1)
                                        + " : chiffré déjà présent dans le bulletin " + (first + 1)));
                    }
                }
            }
        }

        if (published.ballotCount() != ballots.size()) {
            findings.add(new RecountReport.Finding(RecountReport.Kind.BALLOT_COUNT, -1, -1, -1,
                    "résultat publié pour " + published.ballotCount() + " bulletins, " + ballots.size()
                            + " bulletins publiés"));
        }

        List<EncryptedBallot> summable = ballots.stream().filter(b -> Tally.hasShape(form, b)).toList();
        Tally tally = Tally.of(form, summable);
        for (int q = 0; q < form.questions().size(); q++) {
            int options = form.rule(q).options();
            List<ProvenDecryption> question = q < published.decryptions().size()
                    ? published.decryptions().get(q) : List.of();
            if (question.size() != options) {
                findings.add(new RecountReport.Finding(RecountReport.Kind.MISSING_DECRYPTION, -1, q, -1,
                        "question " + (q + 1) + " : " + question.size() + " résultats publiés pour " + options
                                + " options"));
            }
            for (int o = 0; o < Math.min(options, question.size()); o++) {
                if (!question.get(o).verify(key, tally.sums().get(q).get(o), form.context(q), o)) {
                    findings.add(new RecountReport.Finding(RecountReport.Kind.WRONG_DECRYPTION, -1, q, o,
                            "question " + (q + 1) + ", option " + (o + 1) + " : le résultat publié ("
                                    + question.get(o).value() + ") n'est pas le déchiffrement prouvé de la somme"
                                    + " des bulletins publiés"));
                }
            }
        }
        if (published.decryptions().size() > form.questions().size()) {
            findings.add(new RecountReport.Finding(RecountReport.Kind.MISSING_DECRYPTION, -1, -1, -1,
                    published.decryptions().size() + " questions publiées pour " + form.questions().size()));
        }
        return new RecountReport(ballots.size(), published.counts(), findings);
    }

    private static String describe(EncryptedBallot ballot, int index) {
        return "bulletin " + (index + 1) + " (reçu " + ballot.receiptCode() + ") : ";
    }
}
