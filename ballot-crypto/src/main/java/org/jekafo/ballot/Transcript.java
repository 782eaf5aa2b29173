package org.jekafo.ballot;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The Fiat–Shamir hash of a proof: SHA-256 over a sequence of fields, each written as its length (4 bytes,
 * big-endian) followed by its bytes, so that no two different sequences hash the same input. The first two fields
 * are always the domain tag {@value #DOMAIN} and the kind of proof; the challenge is the digest read as an unsigned
 * big-endian integer, reduced modulo the group order. README, "Hash inputs", lists the fields of each proof.
 */
final class Transcript {

    static final String DOMAIN = "jekafo/ballot-crypto/v1";

    private final SHA256Digest digest = new SHA256Digest();
    private final byte[] length = new byte[4];

    Transcript(String kind) {
        text(DOMAIN);
        text(kind);
    }

    Transcript text(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    Transcript integer(int value) {
        return bytes(new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    Transcript point(ECPoint point) {
        return bytes(Group.encodePoint(point));
    }

    Transcript bytes(byte[] value) {
        int n = value.length;
        length[0] = (byte) (n >>> 24);
        length[1] = (byte) (n >>> 16);
        length[2] = (byte) (n >>> 8);
        length[3] = (byte) n;
        digest.update(length, 0, 4);
        digest.update(value, 0, n);
        return this;
    }

    BigInteger challenge() {
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return BigIntegers.fromUnsignedByteArray(out).mod(Group.ORDER);
    }
}
