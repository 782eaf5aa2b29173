package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * A consultation's public key {@code H = x·G}: what every ballot is encrypted under and every proof is checked
 * against. Its text form is the base64url (unpadded) of the 33-byte compressed point, 44 characters.
 *
 * <p>The first encryption or verification under a key builds its fixed-base table (tens of milliseconds, about
 * 2 MB); keep one instance per open consultation rather than decoding the text for every ballot, and call
 * {@link #prepare} when the server starts so that the first voter does not wait for the tables.
 */
public final class ElectionPublicKey {

    private final ECPoint point;
    private volatile FixedBaseTable table;

    ElectionPublicKey(ECPoint point) {
        if (point.isInfinity() || !point.isValid()) {
            throw new MalformedEncodingException("a public key is a point of the group other than infinity");
        }
        this.point = point.normalize();
    }

    /** Reads the text form; throws {@link MalformedEncodingException} for anything else. */
    public static ElectionPublicKey decode(String text) {
        byte[] bytes = Base64Url.decode(text);
        if (bytes.length != Group.POINT_BYTES) {
            throw new MalformedEncodingException("a public key is 33 bytes");
        }
        return new ElectionPublicKey(Group.decodePoint(bytes, 0));
    }

    public String encode() {
        return Base64Url.encode(Group.encodePoint(point));
    }

    /**
     * Encrypts {@code value} with fresh randomness that is forgotten at once. For tests and tools: ballots are
     * made by {@link EncryptedBallot#encrypt}, which proves what they contain.
     */
    public Ciphertext encrypt(int value, SecureRandom random) {
        return encrypt(BigInteger.valueOf(value), Group.randomNonZeroScalar(random));
    }

    /**
     * Builds now, rather than on the first ballot, the tables of multiples of G (once per JVM, about 0.3 s) and
     * of this key (about 15 ms).
     *
     * @return this key
     */
    public ElectionPublicKey prepare() {
        Group.generatorTable();
        table();
        return this;
    }

    ECPoint point() {
        return point;
    }

    /** {@code (r·G, m·G + r·H)}. */
    Ciphertext encrypt(BigInteger value, BigInteger randomness) {
        ECPoint alpha = Group.generatorTable().multiply(randomness);
        ECPoint beta = table().multiply(randomness).add(Group.timesG(value));
        return new Ciphertext(alpha, beta);
    }

    FixedBaseTable table() {
        FixedBaseTable built = table;
        if (built == null) {
            synchronized (this) {
                built = table;
                if (built == null) {
                    built = new FixedBaseTable(point);
                    table = built;
                }
            }
        }
        return built;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ElectionPublicKey key && key.point.equals(point);
    }

    @Override
    public int hashCode() {
        return point.hashCode();
    }

    @Override
    public String toString() {
        return "ElectionPublicKey[" + encode() + "]";
    }
}
