package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The value m of a ciphertext {@code (alpha, beta)} with a Chaum–Pedersen proof that it was decrypted with the
 * consultation's private key: {@code log_G H = log_alpha (beta − m·G)}. The proof is {@code A = w·G},
 * {@code B = w·alpha} and {@code s = w + c·x} with {@code c} the transcript's hash; it verifies when
 * {@code s·G = A + c·H} and {@code s·alpha = B + c·(beta − m·G)}. Anyone holding the public key checks it.
 *
 * <p>Text form: the decimal value, a dot, and base64url (unpadded) of A ‖ B ‖ s (33 + 33 + 32 bytes).
 */
public record ProvenDecryption(int value, ECPoint commitmentG, ECPoint commitmentAlpha, BigInteger response) {

    static final String KIND = "decryption";
    private static final int PROOF_BYTES = 2 * Group.POINT_BYTES + Group.SCALAR_BYTES;

    public ProvenDecryption {
        if (value < 0) {
            throw new IllegalArgumentException("a decrypted count is not negative");
        }
        Objects.requireNonNull(commitmentG, "commitmentG");
        Objects.requireNonNull(commitmentAlpha, "commitmentAlpha");
        Objects.requireNonNull(response, "response");
    }

    static Transcript transcript(ElectionPublicKey key, Ciphertext ciphertext, QuestionContext context, int option,
                                 int value, ECPoint commitmentG, ECPoint commitmentAlpha) {
        return context.transcript(KIND).integer(option).point(key.point())
                .point(ciphertext.alpha()).point(ciphertext.beta()).integer(value)
                .point(commitmentG).point(commitmentAlpha);
    }

    /** Whether this is the proven decryption of {@code ciphertext} for this option of this question. */
    public boolean verify(ElectionPublicKey key, Ciphertext ciphertext, QuestionContext context, int option) {
        BigInteger c = transcript(key, ciphertext, context, option, value, commitmentG, commitmentAlpha).challenge();
        LinearCheck check = new LinearCheck(key, Verifier.random());
        // s·G − A − c·H = 0
        check.equation().g(response).minus(commitmentG).h(c.negate());
        // s·alpha − B − c·beta + c·m·G = 0
        check.equation().plus(ciphertext.alpha(), response).minus(commitmentAlpha)
                .plus(ciphertext.beta(), c.negate()).g(c.multiply(BigInteger.valueOf(value)));
        return check.holds();
    }

    public String encode() {
        byte[] proof = new byte[PROOF_BYTES];
        Group.writePoint(commitmentG, proof, 0);
        Group.writePoint(commitmentAlpha, proof, Group.POINT_BYTES);
        Group.writeScalar(response, proof, 2 * Group.POINT_BYTES);
        return value + "." + Base64Url.encode(proof);
    }

    public static ProvenDecryption decode(String text) {
        int dot = text == null ? -1 : text.indexOf('.');
        if (dot < 1 || dot > 10) {
            throw new MalformedEncodingException("a proven decryption is value.proof");
        }
        String digits = text.substring(0, dot);
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || (digits.length() > 1 && digits.charAt(0) == '0')) {
            throw new MalformedEncodingException("the value is a canonical decimal");
        }
        long value = Long.parseLong(digits);
        if (value > Integer.MAX_VALUE) {
            throw new MalformedEncodingException("value too large");
        }
        byte[] proof = Base64Url.decode(text.substring(dot + 1));
        if (proof.length != PROOF_BYTES) {
            throw new MalformedEncodingException("a decryption proof is 98 bytes");
        }
        return new ProvenDecryption((int) value, Group.decodePoint(proof, 0), Group.decodePoint(proof, Group.POINT_BYTES),
                Group.readScalar(proof, 2 * Group.POINT_BYTES));
    }
}
