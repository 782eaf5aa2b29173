package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Finds m from m·G for m in a bounded range, by baby-step giant-step: a table of j·G for j below
 * {@value #BABY_STEPS} (built once per JVM, about a millisecond), then giant steps {@code m·G − i·M·G} until one is in
 * the table. A tally's count of 200,000 takes some 200 giant steps; 2,000,000 about 2,000.
 */
final class DiscreteLog {

    static final int BABY_STEPS = 1024;
    private static final int BATCH = 64;

    private DiscreteLog() {
    }

    private static final class Table {
        static final Map<ByteBuffer, Integer> BABY = new HashMap<>(2 * BABY_STEPS);
        static final ECPoint GIANT_STEP = Group.timesG(BABY_STEPS).negate().normalize();

        static {
            ECPoint[] multiples = new ECPoint[BABY_STEPS];
            multiples[0] = Group.infinity();
            for (int j = 1; j < BABY_STEPS; j++) {
                multiples[j] = multiples[j - 1].add(Group.G);
            }
            Group.CURVE.normalizeAll(multiples);
            for (int j = 0; j < BABY_STEPS; j++) {
                BABY.put(ByteBuffer.wrap(Group.encodePoint(multiples[j])), j);
            }
        }
    }

    /** The m in [0, max] with {@code m·G = point}, or empty when there is none. */
    static OptionalInt solve(ECPoint point, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        int giantSteps = max / BABY_STEPS + 1;
        ECPoint current = point;
        ECPoint[] batch = new ECPoint[BATCH];
        for (int first = 0; first < giantSteps; first += BATCH) {
            int size = Math.min(BATCH, giantSteps - first);
            for (int k = 0; k < size; k++) {
                batch[k] = current;
                current = current.add(Table.GIANT_STEP);
            }
            Group.CURVE.normalizeAll(batch, 0, size, null);
            for (int k = 0; k < size; k++) {
                Integer j = Table.BABY.get(ByteBuffer.wrap(Group.encodePoint(batch[k])));
                if (j != null) {
                    long m = (long) (first + k) * BABY_STEPS + j;
                    return m <= max ? OptionalInt.of((int) m) : OptionalInt.empty();
                }
            }
        }
        return OptionalInt.empty();
    }
}
