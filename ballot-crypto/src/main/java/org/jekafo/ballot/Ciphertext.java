package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.util.Objects;

/**
 * An exponential ElGamal ciphertext {@code (alpha, beta) = (r·G, m·G + r·H)} of a small integer m under the public
 * key H. Adding two ciphertexts gives a ciphertext of the sum of their values, which is how a tally is counted
 * without decrypting any ballot. Text form: base64url (unpadded) of alpha ‖ beta, 33 + 33 bytes compressed.
 */
public record Ciphertext(ECPoint alpha, ECPoint beta) {

    static final int BYTES = 2 * Group.POINT_BYTES;

    public Ciphertext {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(beta, "beta");
    }

    /** The ciphertext of 0 with no randomness: the neutral element of {@link #add}. */
    public static Ciphertext zero() {
        return new Ciphertext(Group.infinity(), Group.infinity());
    }

    public Ciphertext add(Ciphertext other) {
        return new Ciphertext(alpha.add(other.alpha), beta.add(other.beta));
    }

    public String encode() {
        return Base64Url.encode(toBytes());
    }

    public static Ciphertext decode(String text) {
        byte[] bytes = Base64Url.decode(text);
        if (bytes.length != BYTES) {
            throw new MalformedEncodingException("a ciphertext is 66 bytes");
        }
        return read(bytes, 0);
    }

    byte[] toBytes() {
        byte[] bytes = new byte[BYTES];
        Group.writePoint(alpha, bytes, 0);
        Group.writePoint(beta, bytes, Group.POINT_BYTES);
        return bytes;
    }

    static Ciphertext read(byte[] source, int offset) {
        return new Ciphertext(Group.decodePoint(source, offset), Group.decodePoint(source, offset + Group.POINT_BYTES));
    }

    @Override
    public String toString() {
        return "Ciphertext[" + encode() + "]";
    }
}
