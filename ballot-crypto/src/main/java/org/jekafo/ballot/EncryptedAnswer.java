package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The encrypted answer to one question: one ciphertext per option, each with a proof that it encrypts 0 or 1,
 * and a proof that their sum (the number of options chosen) is within the rule's [min, max]. Nothing in it
 * depends on the voter; the randomness that made it is forgotten when {@link #encrypt} returns.
 */
public record EncryptedAnswer(List<Ciphertext> choices, List<DisjunctiveProof> choiceProofs,
                              DisjunctiveProof countProof) {

    static final String CHOICE_PROOF = "choice";
    static final String COUNT_PROOF = "count";

    public EncryptedAnswer {
        choices = List.copyOf(choices);
        choiceProofs = List.copyOf(choiceProofs);
        Objects.requireNonNull(countProof, "countProof");
    }

    /**
     * Encrypts a choice vector (one 0 or 1 per option) and proves it valid.
     *
     * @throws IllegalArgumentException when the rule does not accept the vector
     */
    public static EncryptedAnswer encrypt(ElectionPublicKey key, QuestionContext context, AnswerRule rule,
                                          int[] choices, SecureRandom random) {
        if (!rule.accepts(choices)) {
            throw new IllegalArgumentException("the rule does not accept this choice vector");
        }
        return encryptUnchecked(key, context, rule, choices, random);
    }

    /**
     * The encryption algorithm without the rule's check on the vector, so that tests can watch its proofs fail
     * for a ciphertext of 2 or too many choices.
     */
    static EncryptedAnswer encryptUnchecked(ElectionPublicKey key, QuestionContext context, AnswerRule rule,
                                            int[] choices, SecureRandom random) {
        int n = choices.length;
        BigInteger[] randomness = new BigInteger[n];
        ECPoint[] points = new ECPoint[2 * n + 2];
        ECPoint sumAlpha = Group.infinity();
        ECPoint sumBeta = Group.infinity();
        BigInteger sumRandomness = BigInteger.ZERO;
        int chosen = 0;
        for (int j = 0; j < n; j++) {
            randomness[j] = Group.randomNonZeroScalar(random);
            points[2 * j] = Group.generatorTable().multiply(randomness[j]);
            points[2 * j + 1] = key.table().multiply(randomness[j]).add(Group.timesG(choices[j]));
            sumAlpha = sumAlpha.add(points[2 * j]);
            sumBeta = sumBeta.add(points[2 * j + 1]);
            sumRandomness = sumRandomness.add(randomness[j]);
            chosen += choices[j];
        }
        points[2 * n] = sumAlpha;
        points[2 * n + 1] = sumBeta;
        Group.CURVE.normalizeAll(points);
        List<Ciphertext> ciphertexts = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            ciphertexts.add(new Ciphertext(points[2 * j], points[2 * j + 1]));
        }
        Ciphertext sum = new Ciphertext(points[2 * n], points[2 * n + 1]);

        List<DisjunctiveProof.Pending> pending = new ArrayList<>(n + 1);
        for (int j = 0; j < n; j++) {
            pending.add(DisjunctiveProof.prove(key, ciphertexts.get(j), randomness[j], choices[j], 0, 1, random));
        }
        pending.add(DisjunctiveProof.prove(key, sum, sumRandomness.mod(Group.ORDER), chosen, rule.minChosen(),
                rule.maxChosen(), random));
        normaliseTogether(pending);

        List<DisjunctiveProof> proofs = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            proofs.add(pending.get(j).finish(choiceTranscript(key, context, j, ciphertexts.get(j))));
        }
        DisjunctiveProof countProof = pending.get(n).finish(countTranscript(key, context, rule, n, sum));
        return new EncryptedAnswer(ciphertexts, proofs, countProof);
    }

    private static void normaliseTogether(List<DisjunctiveProof.Pending> pending) {
        int total = pending.stream().mapToInt(p -> p.commitments().length).sum();
        ECPoint[] all = new ECPoint[total];
        int at = 0;
        for (DisjunctiveProof.Pending p : pending) {
            System.arraycopy(p.commitments(), 0, all, at, p.commitments().length);
            at += p.commitments().length;
        }
        Group.CURVE.normalizeAll(all);
        at = 0;
        for (DisjunctiveProof.Pending p : pending) {
            System.arraycopy(all, at, p.commitments(), 0, p.commitments().length);
            at += p.commitments().length;
        }
    }

    private static Transcript choiceTranscript(ElectionPublicKey key, QuestionContext context, int option,
                                               Ciphertext ciphertext) {
        return DisjunctiveProof.statement(context.transcript(CHOICE_PROOF).integer(option), key, ciphertext, 0, 1);
    }

    private static Transcript countTranscript(ElectionPublicKey key, QuestionContext context, AnswerRule rule,
                                              int options, Ciphertext sum) {
        return DisjunctiveProof.statement(context.transcript(COUNT_PROOF).integer(options), key, sum,
                rule.minChosen(), rule.maxChosen());
    }

    /** Whether this answer verifies for this question of this consultation under this key. */
    public boolean verify(ElectionPublicKey key, QuestionContext context, AnswerRule rule) {
        return findFlaw(key, context, rule, 0).isEmpty();
    }

    /** The first flaw found, its question numbered {@code question}; empty when the answer verifies. */
    Optional<BallotFlaw> findFlaw(ElectionPublicKey key, QuestionContext context, AnswerRule rule, int question) {
        LinearCheck check = new LinearCheck(key, Verifier.random());
        Optional<BallotFlaw> flaw = addTo(check, key, context, rule, question);
        if (flaw.isPresent()) {
            return flaw;
        }
        return check.holds() ? Optional.empty() : locate(key, context, rule, question);
    }

    /**
     * Checks shape, randomness and challenges, and adds every group equation of the answer to {@code check}.
     * Returns the flaw found before the group equations; the equations themselves are judged by the check.
     */
    Optional<BallotFlaw> addTo(LinearCheck check, ElectionPublicKey key, QuestionContext context, AnswerRule rule,
                               int question) {
        int n = rule.options();
        if (choices.size() != n || choiceProofs.size() != n
                || countProof.branches().size() != rule.maxChosen() - rule.minChosen() + 1) {
            return Optional.of(new BallotFlaw(BallotFlaw.Kind.WRONG_SHAPE, question, -1));
        }
        for (int j = 0; j < n; j++) {
            if (choices.get(j).alpha().isInfinity()) {
                return Optional.of(new BallotFlaw(BallotFlaw.Kind.NO_RANDOMNESS, question, j));
            }
        }
        for (int j = 0; j < n; j++) {
            Ciphertext ciphertext = choices.get(j);
            if (!choiceProofs.get(j).addTo(check, choiceTranscript(key, context, j, ciphertext), List.of(ciphertext),
                    0, 1)) {
                return Optional.of(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, question, j));
            }
        }
        if (!countProof.addTo(check, countTranscript(key, context, rule, n, sum()), choices, rule.minChosen(),
                rule.maxChosen())) {
            return Optional.of(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, question, -1));
        }
        return Optional.empty();
    }

    /** After a failed batch: checks each proof on its own to name the first that fails. */
    private Optional<BallotFlaw> locate(ElectionPublicKey key, QuestionContext context, AnswerRule rule,
                                        int question) {
        for (int j = 0; j < choices.size(); j++) {
            LinearCheck check = new LinearCheck(key, Verifier.random());
            Ciphertext ciphertext = choices.get(j);
            choiceProofs.get(j).addTo(check, choiceTranscript(key, context, j, ciphertext), List.of(ciphertext), 0, 1);
            if (!check.holds()) {
                return Optional.of(new BallotFlaw(BallotFlaw.Kind.CHOICE_PROOF, question, j));
            }
        }
        return Optional.of(new BallotFlaw(BallotFlaw.Kind.COUNT_PROOF, question, -1));
    }

    /** The sum of the option ciphertexts, normalised: it encrypts the number of options chosen. */
    Ciphertext sum() {
        ECPoint[] sum = {Group.infinity(), Group.infinity()};
        for (Ciphertext choice : choices) {
            sum[0] = sum[0].add(choice.alpha());
            sum[1] = sum[1].add(choice.beta());
        }
        Group.CURVE.normalizeAll(sum);
        return new Ciphertext(sum[0], sum[1]);
    }

    void write(ByteWriter out) {
        out.unsignedByte(choices.size());
        if (choiceProofs.size() != choices.size()) {
            throw new IllegalStateException("one proof per option");
        }
        for (int j = 0; j < choices.size(); j++) {
            out.ciphertext(choices.get(j));
            choiceProofs.get(j).write(out);
        }
        countProof.write(out);
    }

    static EncryptedAnswer read(ByteReader in) {
        int n = in.unsignedByte();
        List<Ciphertext> choices = new ArrayList<>(n);
        List<DisjunctiveProof> proofs = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            choices.add(in.ciphertext());
            proofs.add(DisjunctiveProof.read(in));
        }
        return new EncryptedAnswer(choices, proofs, DisjunctiveProof.read(in));
    }
}
