package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;

/** Reads the binary ballot format front to back, refusing truncation and (through {@link #finish}) trailing bytes. */
final class ByteReader {

    private final byte[] bytes;
    private int position;

    ByteReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int unsignedByte() {
        if (position >= bytes.length) {
            throw new MalformedEncodingException("truncated");
        }
        return bytes[position++] & 0xff;
    }

    ECPoint point() {
        ECPoint point = Group.decodePoint(bytes, position);
        position += Group.POINT_BYTES;
        return point;
    }

    /** A point in uncompressed form ({@link Group#decodeUncompressedPoint}). */
    ECPoint uncompressedPoint() {
        ECPoint point = Group.decodeUncompressedPoint(bytes, position);
        position += Group.UNCOMPRESSED_POINT_BYTES;
        return point;
    }

    BigInteger scalar() {
        BigInteger scalar = Group.readScalar(bytes, position);
        position += Group.SCALAR_BYTES;
        return scalar;
    }

    Ciphertext ciphertext() {
        return new Ciphertext(point(), point());
    }

    /** Passes over {@code count} bytes without reading them (a proof the caller does not need). */
    void skip(int count) {
        if (count < 0 || position + count > bytes.length) {
            throw new MalformedEncodingException("truncated");
        }
        position += count;
    }

    void finish() {
        if (position != bytes.length) {
            throw new MalformedEncodingException("trailing bytes");
        }
    }
}
