package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation's key pair: the private scalar x in [1, q−1] and the public key {@code H = x·G}. Only this object
 * decrypts, and it decrypts only sums: the tally of each option, each with a proof that anyone can check with the
 * public key alone.
 *
 * <p>The private key leaves as 32 bytes ({@link #privateBytes}) for the caller to store encrypted, and is destroyed
 * by the caller after the tally. Java cannot wipe a {@link BigInteger}: drop every reference to this object and to
 * the exported bytes (after overwriting them) once the tally is published.
 */
public final class ElectionKey {

    public static final int PRIVATE_KEY_BYTES = Group.SCALAR_BYTES;

    private final BigInteger secret;
    private final ElectionPublicKey publicKey;

    private ElectionKey(BigInteger secret) {
        this.secret = secret;
        this.publicKey = new ElectionPublicKey(Group.generatorTable().multiply(secret).normalize());
    }

    public static ElectionKey generate() {
        return generate(new SecureRandom());
    }

    public static ElectionKey generate(SecureRandom random) {
        return new ElectionKey(Group.randomNonZeroScalar(random));
    }

    /** Imports a private key exported by {@link #privateBytes}: 32 bytes, big-endian, in [1, q−1]. */
    public static ElectionKey fromPrivateBytes(byte[] bytes) {
        if (bytes == null || bytes.length != PRIVATE_KEY_BYTES) {
            throw new MalformedEncodingException("a private key is 32 bytes");
        }
        BigInteger secret = BigIntegers.fromUnsignedByteArray(bytes);
        if (secret.signum() == 0 || secret.compareTo(Group.ORDER) >= 0) {
            throw new MalformedEncodingException("a private key is in [1, q-1]");
        }
        return new ElectionKey(secret);
    }

    /** A fresh copy of the private key's 32 bytes; the caller encrypts it at rest and overwrites it after use. */
    public byte[] privateBytes() {
        return BigIntegers.asUnsignedByteArray(PRIVATE_KEY_BYTES, secret);
    }

    public ElectionPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Decrypts a ciphertext known to hold a value in [0, maxValue] (an option's sum over at most maxValue ballots)
     * and proves the decryption: a Chaum–Pedersen proof that {@code log_G H = log_alpha (beta − m·G)}.
     *
     * @throws IllegalStateException when the value is not in [0, maxValue]
     */
    public ProvenDecryption decrypt(Ciphertext ciphertext, QuestionContext context, int option, int maxValue) {
        ECPoint alpha = ciphertext.alpha();
        ECPoint valuePoint = ciphertext.beta().subtract(alpha.multiply(secret));
        int value = DiscreteLog.solve(valuePoint, maxValue)
                .orElseThrow(() -> new IllegalStateException("the ciphertext holds no value in [0, " + maxValue + "]"));
        BigInteger nonce = Group.randomNonZeroScalar(Verifier.random());
        ECPoint[] commitments = {Group.generatorTable().multiply(nonce), alpha.multiply(nonce)};
        Group.CURVE.normalizeAll(commitments);
        BigInteger challenge = ProvenDecryption.transcript(publicKey, ciphertext, context, option, value,
                commitments[0], commitments[1]).challenge();
        BigInteger response = nonce.add(challenge.multiply(secret)).mod(Group.ORDER);
        return new ProvenDecryption(value, commitments[0], commitments[1], response);
    }

    /** Decrypts every option's sum of a tally, each bounded by the tally's number of ballots. */
    public DecryptedTally decryptTally(BallotForm form, Tally tally) {
        List<List<ProvenDecryption>> decryptions = new ArrayList<>(form.questions().size());
        for (int q = 0; q < form.questions().size(); q++) {
            List<Ciphertext> sums = tally.sums().get(q);
            List<ProvenDecryption> question = new ArrayList<>(sums.size());
            for (int option = 0; option < sums.size(); option++) {
                question.add(decrypt(sums.get(option), form.context(q), option, tally.ballotCount()));
            }
            decryptions.add(question);
        }
        return new DecryptedTally(tally.ballotCount(), decryptions);
    }

    @Override
    public String toString() {
        return "ElectionKey[public=" + publicKey.encode() + "]";
    }
}
