package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The homomorphic tally: for each question and option, the sum of that option's ciphertexts over all ballots,
 * which encrypts the number of ballots that chose it. Computing it needs no key and decrypts nothing.
 *
 * @param ballotCount the number of ballots summed
 * @param sums        indexed [question][option] in the form's order
 */
public record Tally(int ballotCount, List<List<Ciphertext>> sums) {

    public Tally {
        sums = sums.stream().map(List::copyOf).toList();
    }

    /**
     * Sums the ballots. It does not verify them: ballots are verified when cast (and by {@link Recount}).
     *
     * @throws IllegalArgumentException when a ballot has not the form's shape
     */
    public static Tally of(BallotForm form, Collection<EncryptedBallot> ballots) {
        int questions = form.questions().size();
        ECPoint[][] alphas = new ECPoint[questions][];
        ECPoint[][] betas = new ECPoint[questions][];
        for (int q = 0; q < questions; q++) {
            int options = form.rule(q).options();
            alphas[q] = new ECPoint[options];
            betas[q] = new ECPoint[options];
            for (int o = 0; o < options; o++) {
                alphas[q][o] = Group.infinity();
                betas[q][o] = Group.infinity();
            }
        }
        for (EncryptedBallot ballot : ballots) {
            if (!hasShape(form, ballot)) {
                throw new IllegalArgumentException("a ballot has not the form's shape");
            }
            for (int q = 0; q < questions; q++) {
                List<Ciphertext> choices = ballot.answers().get(q).choices();
                ECPoint[] alpha = alphas[q];
                ECPoint[] beta = betas[q];
                for (int o = 0; o < alpha.length; o++) {
                    Ciphertext choice = choices.get(o);
                    alpha[o] = alpha[o].add(choice.alpha());
                    beta[o] = beta[o].add(choice.beta());
                }
            }
        }
        List<List<Ciphertext>> sums = new ArrayList<>(questions);
        for (int q = 0; q < questions; q++) {
            Group.CURVE.normalizeAll(alphas[q]);
            Group.CURVE.normalizeAll(betas[q]);
            List<Ciphertext> question = new ArrayList<>(alphas[q].length);
            for (int o = 0; o < alphas[q].length; o++) {
                question.add(new Ciphertext(alphas[q][o], betas[q][o]));
            }
            sums.add(question);
        }
        return new Tally(ballots.size(), sums);
    }

    static boolean hasShape(BallotForm form, EncryptedBallot ballot) {
        if (ballot.answers().size() != form.questions().size()) {
            return false;
        }
        for (int q = 0; q < form.questions().size(); q++) {
            if (ballot.answers().get(q).choices().size() != form.rule(q).options()) {
                return false;
            }
        }
        return true;
    }
}
