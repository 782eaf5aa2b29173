package org.jekafo.ballot;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The group every ballot lives in: NIST P-256 ({@code secp256r1}) with Bouncy Castle's dedicated field arithmetic,
 * its generator {@code G} and prime order {@code q} (cofactor 1, so every point on the curve is in the group).
 * Points travel as 33-byte SEC1 compressed encodings; the point at infinity, which only an empty sum can be, as
 * 33 zero bytes so that every point has the same width. Scalars travel as 32-byte big-endian integers below q.
 */
final class Group {

    static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = PARAMETERS.getCurve();
    static final ECPoint G = PARAMETERS.getG().normalize();
    static final BigInteger ORDER = PARAMETERS.getN();
    static final BigInteger HALF_ORDER = ORDER.shiftRight(1);

    static final int POINT_BYTES = 33;
    /** A point in SEC1 uncompressed form: read without a square root ({@link TallyForm}). */
    static final int UNCOMPRESSED_POINT_BYTES = 65;
    static final int SCALAR_BYTES = 32;

    private static final byte[] INFINITY_ENCODING = new byte[POINT_BYTES];
    private static final byte[] UNCOMPRESSED_INFINITY_ENCODING = new byte[UNCOMPRESSED_POINT_BYTES];

    private Group() {
    }

    /** The generator's table, built once per JVM (about 8,000 points, 2 MB). */
    static FixedBaseTable generatorTable() {
        return GeneratorTable.TABLE;
    }

    private static final class GeneratorTable {
        static final FixedBaseTable TABLE = new FixedBaseTable(G);
    }

    static ECPoint infinity() {
        return CURVE.getInfinity();
    }

    /** A uniformly random scalar in [1, q-1]. */
    static BigInteger randomNonZeroScalar(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, ORDER.subtract(BigInteger.ONE), random);
    }

    /** A uniformly random scalar in [0, q-1]. */
    static BigInteger randomScalar(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ZERO, ORDER.subtract(BigInteger.ONE), random);
    }

    static BigInteger reduce(BigInteger value) {
        return value.mod(ORDER);
    }

    /** The representative of {@code value mod q} of smallest absolute value, so that short weights stay short. */
    static BigInteger centred(BigInteger value) {
        BigInteger reduced = value.mod(ORDER);
        return reduced.compareTo(HALF_ORDER) > 0 ? reduced.subtract(ORDER) : reduced;
    }

    static byte[] encodePoint(ECPoint point) {
        return point.isInfinity() ? INFINITY_ENCODING.clone() : point.getEncoded(true);
    }

    static void writePoint(ECPoint point, byte[] target, int offset) {
        byte[] encoded = encodePoint(point);
        System.arraycopy(encoded, 0, target, offset, POINT_BYTES);
    }

    /**
     * Reads a point, refusing anything that is not the canonical encoding of a point of the group: a wrong prefix,
     * an x coordinate outside the field or off the curve.
     */
    static ECPoint decodePoint(byte[] source, int offset) {
        if (source.length - offset < POINT_BYTES) {
            throw new MalformedEncodingException("point truncated");
        }
        byte[] encoded = Arrays.copyOfRange(source, offset, offset + POINT_BYTES);
        if (Arrays.equals(encoded, INFINITY_ENCODING)) {
            return CURVE.getInfinity();
        }
        if (encoded[0] != 0x02 && encoded[0] != 0x03) {
            throw new MalformedEncodingException("point is not in compressed form");
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedEncodingException("not a point of P-256");
        }
        if (!Arrays.equals(point.getEncoded(true), encoded)) {
            throw new MalformedEncodingException("non-canonical point encoding");
        }
        return point;
    }

    /** Writes a point in SEC1 uncompressed form, the point at infinity as 65 zero bytes. */
    static void writeUncompressedPoint(ECPoint point, byte[] target, int offset) {
        byte[] encoded = point.isInfinity() ? UNCOMPRESSED_INFINITY_ENCODING : point.getEncoded(false);
        System.arraycopy(encoded, 0, target, offset, UNCOMPRESSED_POINT_BYTES);
    }

    /**
     * Reads a point written by {@link #writeUncompressedPoint}, refusing a wrong prefix or a point off the curve:
     * no square root to compute, only the curve equation to check.
     */
    static ECPoint decodeUncompressedPoint(byte[] source, int offset) {
        if (source.length - offset < UNCOMPRESSED_POINT_BYTES) {
            throw new MalformedEncodingException("point truncated");
        }
        byte[] encoded = Arrays.copyOfRange(source, offset, offset + UNCOMPRESSED_POINT_BYTES);
        if (Arrays.equals(encoded, UNCOMPRESSED_INFINITY_ENCODING)) {
            return CURVE.getInfinity();
        }
        if (encoded[0] != 0x04) {
            throw new MalformedEncodingException("point is not in uncompressed form");
        }
        try {
            return CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedEncodingException("not a point of P-256");
        }
    }

    static void writeScalar(BigInteger scalar, byte[] target, int offset) {
        if (scalar.signum() < 0 || scalar.compareTo(ORDER) >= 0) {
            throw new IllegalArgumentException("scalar out of range");
        }
        BigIntegers.asUnsignedByteArray(scalar, target, offset, SCALAR_BYTES);
    }

    static BigInteger readScalar(byte[] source, int offset) {
        if (source.length - offset < SCALAR_BYTES) {
            throw new MalformedEncodingException("scalar truncated");
        }
        BigInteger scalar = BigIntegers.fromUnsignedByteArray(source, offset, SCALAR_BYTES);
        if (scalar.compareTo(ORDER) >= 0) {
            throw new MalformedEncodingException("scalar not below the group order");
        }
        return scalar;
    }

    /**
     * {@code k·G} for a small non-negative or negative integer, by the generator's table.
     */
    static ECPoint timesG(BigInteger k) {
        return generatorTable().multiply(reduce(k));
    }

    static ECPoint timesG(long k) {
        return timesG(BigInteger.valueOf(k));
    }
}
