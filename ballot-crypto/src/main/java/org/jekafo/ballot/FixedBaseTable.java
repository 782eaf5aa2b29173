package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;

/**
 * Multiples of one fixed point, precomputed so that {@code k·P} costs at most 32 point additions and no doubling:
 * with k written in base 256 as {@code k = Σ d_i·256^i} (32 digits), {@code k·P = Σ T[i][d_i]} where
 * {@code T[i][d] = d·256^i·P}. The table holds 32 × 255 affine points (about 2 MB) and is built in tens of
 * milliseconds. Every addition and normalisation is Bouncy Castle's; only the choice of which precomputed points
 * to add is made here. It is about three times as fast as Bouncy Castle's {@code FixedPointCombMultiplier} on
 * this curve, which matters because encrypting a ballot is some twenty fixed-base multiplications. Not constant
 * time (zero digits are skipped), which the ballot scheme accepts: see README, "what is not protected".
 */
final class FixedBaseTable {

    private static final int WINDOWS = 32;
    private static final int DIGITS = 256;

    private final ECPoint base;
    private final ECPoint[][] multiples;

    FixedBaseTable(ECPoint base) {
        if (base.isInfinity()) {
            throw new IllegalArgumentException("no table for the point at infinity");
        }
        this.base = base.normalize();
        ECPoint[] flat = new ECPoint[WINDOWS * (DIGITS - 1)];
        ECPoint windowBase = this.base;
        for (int window = 0; window < WINDOWS; window++) {
            int row = window * (DIGITS - 1);
            flat[row] = windowBase;
            for (int digit = 2; digit < DIGITS; digit++) {
                flat[row + digit - 1] = flat[row + digit - 2].add(windowBase);
            }
            windowBase = flat[row + DIGITS - 2].add(windowBase).normalize();
        }
        Group.CURVE.normalizeAll(flat);
        multiples = new ECPoint[WINDOWS][DIGITS];
        for (int window = 0; window < WINDOWS; window++) {
            multiples[window][0] = Group.CURVE.getInfinity();
            System.arraycopy(flat, window * (DIGITS - 1), multiples[window], 1, DIGITS - 1);
        }
    }

    ECPoint base() {
        return base;
    }

    /** {@code k·base} for {@code 0 <= k < q}. */
    ECPoint multiply(BigInteger k) {
        if (k.signum() < 0 || k.bitLength() > WINDOWS * 8) {
            throw new IllegalArgumentException("scalar out of range");
        }
        byte[] digits = BigIntegers.asUnsignedByteArray(WINDOWS, k);
        ECPoint sum = Group.CURVE.getInfinity();
        for (int window = 0; window < WINDOWS; window++) {
            int digit = digits[WINDOWS - 1 - window] & 0xff;
            if (digit != 0) {
                sum = sum.add(multiples[window][digit]);
            }
        }
        return sum;
    }
}
