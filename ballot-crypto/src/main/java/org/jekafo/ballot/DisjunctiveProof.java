package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A disjunctive Chaum–Pedersen proof (Cramer, Damgård and Schoenmakers' OR-composition, made non-interactive by
 * Fiat–Shamir) that a ciphertext {@code (alpha, beta)} encrypts one of the values {@code low, low+1, …, high},
 * without telling which. Branch i is for the value {@code v = low + i} and holds a commitment pair
 * {@code (A_i, B_i)}, a challenge {@code c_i} and a response {@code s_i}. It verifies when
 * <ul>
 *   <li>the challenges add up to the transcript's hash: {@code Σ c_i = hash(…, A_0, B_0, …) mod q}, and</li>
 *   <li>for every branch, {@code s_i·G = A_i + c_i·alpha} and {@code s_i·H = B_i + c_i·(beta − v·G)}.</li>
 * </ul>
 * The prover answers the branch of the true value honestly and simulates the others; only the branch of the true
 * value can be answered after the hash fixes the challenges, so a ciphertext of any other value fails (up to
 * 2^-256 per attempt). The commitments are published rather than recomputed so that a ballot's equations are
 * checked together in one multi-scalar multiplication ({@link LinearCheck}).
 */
public record DisjunctiveProof(List<Branch> branches) {

    /** One value's branch: {@code A = w·G, B = w·H} when honest, simulated otherwise. */
    public record Branch(ECPoint commitmentG, ECPoint commitmentH, BigInteger challenge, BigInteger response) {

        static final int BYTES = 2 * Group.POINT_BYTES + 2 * Group.SCALAR_BYTES;

        public Branch {
            Objects.requireNonNull(commitmentG, "commitmentG");
            Objects.requireNonNull(commitmentH, "commitmentH");
            Objects.requireNonNull(challenge, "challenge");
            Objects.requireNonNull(response, "response");
        }
    }

    public DisjunctiveProof {
        branches = List.copyOf(branches);
    }

    /**
     * Proves that {@code ciphertext}, made with {@code randomness}, encrypts a value of {@code [low, high]}. The
     * branch answered honestly is {@code value - low}; it is clamped into the range so that tests can watch this
     * same algorithm fail for a value outside the range. The commitments are made here; the challenge comes when
     * the caller, having normalised every point of the answer at once, hashes them ({@link Pending#finish}).
     */
    static Pending prove(ElectionPublicKey key, Ciphertext ciphertext, BigInteger randomness, int value, int low,
                         int high, SecureRandom random) {
        int count = high - low + 1;
        int real = Math.max(0, Math.min(count - 1, value - low));
        ECPoint[] commitments = new ECPoint[2 * count];
        BigInteger[] challenges = new BigInteger[count];
        BigInteger[] responses = new BigInteger[count];
        BigInteger nonce = Group.randomNonZeroScalar(random);
        for (int i = 0; i < count; i++) {
            if (i == real) {
                commitments[2 * i] = Group.generatorTable().multiply(nonce);
                commitments[2 * i + 1] = key.table().multiply(nonce);
            } else {
                // Simulated: with s = t + c·r, A = s·G − c·alpha = t·G and B = s·H − c·(beta − v·G) = t·H + c·(v − m)·G,
                // three fixed-base multiplications instead of two variable-base ones.
                BigInteger challenge = Group.randomScalar(random);
                BigInteger t = Group.randomNonZeroScalar(random);
                int offset = low + i - value;
                commitments[2 * i] = Group.generatorTable().multiply(t);
                commitments[2 * i + 1] = key.table().multiply(t)
                        .add(Group.timesG(challenge.multiply(BigInteger.valueOf(offset))));
                challenges[i] = challenge;
                responses[i] = t.add(challenge.multiply(randomness)).mod(Group.ORDER);
            }
        }
        return new Pending(commitments, challenges, responses, real, nonce, randomness);
    }

    /** A proof whose commitments are made and whose challenge is not yet known. */
    static final class Pending {
        private final ECPoint[] commitments;
        private final BigInteger[] challenges;
        private final BigInteger[] responses;
        private final int real;
        private final BigInteger nonce;
        private final BigInteger randomness;

        private Pending(ECPoint[] commitments, BigInteger[] challenges, BigInteger[] responses, int real,
                        BigInteger nonce, BigInteger randomness) {
            this.commitments = commitments;
            this.challenges = challenges;
            this.responses = responses;
            this.real = real;
            this.nonce = nonce;
            this.randomness = randomness;
        }

        /** The commitments, to be normalised in place before {@link #finish} hashes them. */
        ECPoint[] commitments() {
            return commitments;
        }

        /** Feeds the commitments to the transcript, derives the honest branch's challenge and response. */
        DisjunctiveProof finish(Transcript transcript) {
            for (ECPoint commitment : commitments) {
                transcript.point(commitment);
            }
            BigInteger rest = transcript.challenge();
            for (int i = 0; i < challenges.length; i++) {
                if (i != real) {
                    rest = rest.subtract(challenges[i]);
                }
            }
            challenges[real] = rest.mod(Group.ORDER);
            responses[real] = nonce.add(challenges[real].multiply(randomness)).mod(Group.ORDER);
            List<Branch> branches = new ArrayList<>(challenges.length);
            for (int i = 0; i < challenges.length; i++) {
                branches.add(new Branch(commitments[2 * i], commitments[2 * i + 1], challenges[i], responses[i]));
            }
            return new DisjunctiveProof(branches);
        }
    }

    /**
     * Feeds the statement to the transcript: the key, the ciphertext and the range. The ciphertext must be
     * normalised (it is hashed by its coordinates).
     */
    static Transcript statement(Transcript transcript, ElectionPublicKey key, Ciphertext ciphertext, int low,
                                int high) {
        return transcript.point(key.point()).point(ciphertext.alpha()).point(ciphertext.beta())
                .integer(low).integer(high);
    }

    /**
     * Checks the challenges against the transcript and adds this proof's equations to {@code check}. The statement
     * is the sum of {@code parts} (already given to the transcript through {@link #statement}); its equations are
     * written on the parts themselves so that a ballot's count proof shares its points with the choice proofs.
     *
     * @return false when the proof fails before any group equation is needed (branch count, challenge sum)
     */
    boolean addTo(LinearCheck check, Transcript transcript, List<Ciphertext> parts, int low, int high) {
        if (branches.size() != high - low + 1) {
            return false;
        }
        for (Branch branch : branches) {
            transcript.point(branch.commitmentG()).point(branch.commitmentH());
        }
        BigInteger sum = BigInteger.ZERO;
        for (Branch branch : branches) {
            sum = sum.add(branch.challenge());
        }
        if (!sum.mod(Group.ORDER).equals(transcript.challenge())) {
            return false;
        }
        for (int i = 0; i < branches.size(); i++) {
            Branch branch = branches.get(i);
            BigInteger c = branch.challenge();
            BigInteger minusC = c.negate();
            // s·G − A − c·Σalpha = 0
            LinearCheck.Equation onG = check.equation().g(branch.response()).minus(branch.commitmentG());
            // s·H − B − c·Σbeta + c·v·G = 0
            LinearCheck.Equation onH = check.equation().h(branch.response()).minus(branch.commitmentH())
                    .g(c.multiply(BigInteger.valueOf(low + i)));
            for (Ciphertext part : parts) {
                onG.plus(part.alpha(), minusC);
                onH.plus(part.beta(), minusC);
            }
        }
        return true;
    }

    void write(ByteWriter out) {
        out.unsignedByte(branches.size());
        for (Branch branch : branches) {
            out.point(branch.commitmentG()).point(branch.commitmentH())
                    .scalar(branch.challenge()).scalar(branch.response());
        }
    }

    /** Passes over a proof in the binary format without decoding its points (a tally needs only the ciphertexts). */
    static void skip(ByteReader in) {
        in.skip(in.unsignedByte() * (2 * Group.POINT_BYTES + 2 * Group.SCALAR_BYTES));
    }

    static DisjunctiveProof read(ByteReader in) {
        int count = in.unsignedByte();
        List<Branch> branches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            branches.add(new Branch(in.point(), in.point(), in.scalar(), in.scalar()));
        }
        return new DisjunctiveProof(branches);
    }
}
