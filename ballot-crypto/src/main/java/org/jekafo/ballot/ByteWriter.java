package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Writes the binary ballot format: one-byte counts, 33-byte points, 32-byte scalars, nothing else. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final byte[] scalar = new byte[Group.SCALAR_BYTES];

    ByteWriter unsignedByte(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("count out of range");
        }
        out.write(value);
        return this;
    }

    ByteWriter point(ECPoint point) {
        out.writeBytes(Group.encodePoint(point));
        return this;
    }

    ByteWriter scalar(BigInteger value) {
        Group.writeScalar(value, scalar, 0);
        out.writeBytes(scalar);
        return this;
    }

    ByteWriter ciphertext(Ciphertext ciphertext) {
        return point(ciphertext.alpha()).point(ciphertext.beta());
    }

    byte[] toBytes() {
        return out.toByteArray();
    }
}
