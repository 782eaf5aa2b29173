package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks many group equations {@code g·G + h·H + Σ k_i·P_i = 0} at once (the "small exponents" batch test of
 * Bellare, Garay and Rabin, 1998): each equation is multiplied by a fresh secret random 128-bit weight and the
 * weighted sum is computed as one multi-scalar multiplication (Bouncy Castle's interleaved wNAF), plus one
 * fixed-base multiplication each for G and H. If every equation holds, the sum is the point at infinity; if one
 * does not, the sum is the point at infinity with probability at most 2^-128, because the group has prime order
 * and the weight of a failing equation is drawn after everything else is fixed. The weights are drawn by the
 * verifier, never by the prover.
 */
final class LinearCheck {

    private static final int WEIGHT_BITS = 128;

    private final ElectionPublicKey publicKey;
    private final SecureRandom random;
    private BigInteger g = BigInteger.ZERO;
    private BigInteger h = BigInteger.ZERO;
    private final Map<ECPoint, BigInteger> terms = new IdentityHashMap<>();

    LinearCheck(ElectionPublicKey publicKey, SecureRandom random) {
        this.publicKey = publicKey;
        this.random = random;
    }

    /** Starts the equation {@code g·G + h·H + Σ k_i·P_i = 0}; terms are added to it until the next one starts. */
    Equation equation() {
        BigInteger weight;
        do {
            weight = BigIntegers.createRandomBigInteger(WEIGHT_BITS, random);
        } while (weight.signum() == 0);
        return new Equation(weight);
    }

    final class Equation {
        private final BigInteger weight;

        private Equation(BigInteger weight) {
            this.weight = weight;
        }

        Equation g(BigInteger k) {
            g = g.add(weight.multiply(k));
            return this;
        }

        Equation h(BigInteger k) {
            h = h.add(weight.multiply(k));
            return this;
        }

        Equation plus(ECPoint point, BigInteger k) {
            terms.merge(point, weight.multiply(k), BigInteger::add);
            return this;
        }

        Equation minus(ECPoint point) {
            terms.merge(point, weight.negate(), BigInteger::add);
            return this;
        }
    }

    /** Whether every equation added holds (up to the 2^-128 error above). */
    boolean holds() {
        List<ECPoint> points = new ArrayList<>(terms.size());
        List<BigInteger> scalars = new ArrayList<>(terms.size());
        for (Map.Entry<ECPoint, BigInteger> term : terms.entrySet()) {
            BigInteger k = Group.centred(term.getValue());
            if (k.signum() == 0 || term.getKey().isInfinity()) {
                continue;
            }
            // Bouncy Castle keeps a point's multiplication tables on the point object itself: the copies made by
            // negate() carry them away with this check instead of leaving them on ballots kept in memory.
            ECPoint point = term.getKey().negate();
            if (k.signum() > 0) {
                point = point.negate();
            } else {
                k = k.negate();
            }
            points.add(point);
            scalars.add(k);
        }
        ECPoint sum = Group.generatorTable().multiply(Group.reduce(g))
                .add(publicKey.table().multiply(Group.reduce(h)));
        if (!points.isEmpty()) {
            sum = sum.add(ECAlgorithms.sumOfMultiplies(points.toArray(ECPoint[]::new),
                    scalars.toArray(BigInteger[]::new)));
        }
        return sum.isInfinity();
    }
}
