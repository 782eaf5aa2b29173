package org.jekafo.ballot;

import java.util.List;

/**
 * What a recount found. The counts are the published ones; each is proven to be the decryption of the sum of the
 * published ballots unless a finding names it. The result is confirmed only when there is no finding at all.
 *
 * @param ballots  the number of published ballots
 * @param counts   the published counts, [question][option]
 * @param findings everything that does not verify, in the order found
 */
public record RecountReport(int ballots, List<List<Integer>> counts, List<Finding> findings) {

    public RecountReport {
        counts = counts.stream().map(List::copyOf).toList();
        findings = List.copyOf(findings);
    }

    public boolean confirmed() {
        return findings.isEmpty();
    }

    /**
     * One thing that does not verify.
     *
     * @param ballot   the ballot's position in the published list (0-based), or -1
     * @param question the question (0-based), or -1
     * @param option   the option (0-based), or -1
     * @param description in French, for the auditor's report
     */
    public record Finding(Kind kind, int ballot, int question, int option, String description) {
    }

    public enum Kind {
        /** A ballot's proofs do not verify (the description says which). */
        INVALID_BALLOT,
        /** A ballot repeats a ciphertext of an earlier one: a copied vote. */
        DUPLICATE_CIPHERTEXT,
        /** The published number of ballots is not the number of ballots published. */
        BALLOT_COUNT,
        /** A question or option has no published count, or one too many. */
        MISSING_DECRYPTION,
        /** A published count is not the proven decryption of the recomputed sum. */
        WRONG_DECRYPTION
    }

    /** The report in French, one line per count then one per finding. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Bulletins publiés : ").append(ballots).append('\n');
        for (int q = 0; q < counts.size(); q++) {
            text.append("Question ").append(q + 1).append(" :");
            for (int o = 0; o < counts.get(q).size(); o++) {
                text.append(" option ").append(o + 1).append(" = ").append(counts.get(q).get(o)).append(';');
            }
            text.append('\n');
        }
        if (confirmed()) {
            text.append("Recomptage confirmé : toutes les preuves sont valides.\n");
        } else {
            text.append("Recomptage NON confirmé (").append(findings.size()).append(" anomalie(s)) :\n");
            findings.forEach(f -> text.append(" - ").append(f.description()).append('\n'));
        }
        return text.toString();
    }
}
