package org.jekafo.ballot;

import java.util.List;

/**
 * The published result of a secret consultation: for each question and option, the count with the proof of its
 * decryption from the tally's sum.
 *
 * @param ballotCount  the number of ballots the tally summed
 * @param decryptions  indexed [question][option] in the form's order
 */
public record DecryptedTally(int ballotCount, List<List<ProvenDecryption>> decryptions) {

    public DecryptedTally {
        decryptions = decryptions.stream().map(List::copyOf).toList();
    }

    /** The counts, indexed [question][option]. */
    public List<List<Integer>> counts() {
        return decryptions.stream().map(q -> q.stream().map(ProvenDecryption::value).toList()).toList();
    }
}
