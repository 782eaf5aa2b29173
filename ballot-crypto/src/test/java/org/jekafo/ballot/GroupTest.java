package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.jekafo.ballot.Fixtures.PUBLIC_KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupTest {

    @Test
    void theFixedBaseTablesAgreeWithBouncyCastlesMultiplier() {
        FixedPointCombMultiplier reference = new FixedPointCombMultiplier();
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(255), BigInteger.valueOf(256),
                Group.ORDER.subtract(BigInteger.ONE), Group.ORDER.shiftRight(1)};
        for (BigInteger k : edges) {
            assertEquals(reference.multiply(Group.G, k).normalize(), Group.generatorTable().multiply(k).normalize());
            assertEquals(reference.multiply(PUBLIC_KEY.point(), k).normalize(), PUBLIC_KEY.table().multiply(k).normalize());
        }
        for (int i = 0; i < 50; i++) {
            BigInteger k = Group.randomScalar(RANDOM);
            assertEquals(reference.multiply(Group.G, k).normalize(), Group.generatorTable().multiply(k).normalize());
            assertEquals(reference.multiply(PUBLIC_KEY.point(), k).normalize(), PUBLIC_KEY.table().multiply(k).normalize());
        }
    }

    @Test
    void aBatchOfTrueEquationsHolds() {
        BigInteger a = Group.randomScalar(RANDOM);
        BigInteger b = Group.randomScalar(RANDOM);
        ECPoint aG = Group.generatorTable().multiply(a).normalize();
        ECPoint bH = PUBLIC_KEY.table().multiply(b).normalize();
        LinearCheck check = new LinearCheck(PUBLIC_KEY, RANDOM);
        check.equation().g(a).minus(aG);
        check.equation().h(b).minus(bH);
        check.equation().plus(aG, b).minus(Group.generatorTable().multiply(a.multiply(b).mod(Group.ORDER)).normalize());
        assertTrue(check.holds());
    }

    @Test
    void oneFalseEquationAmongTrueOnesIsCaught() {
        BigInteger a = Group.randomScalar(RANDOM);
        ECPoint aG = Group.generatorTable().multiply(a).normalize();
        for (int trial = 0; trial < 20; trial++) {
            LinearCheck check = new LinearCheck(PUBLIC_KEY, RANDOM);
            check.equation().g(a).minus(aG);
            check.equation().g(a.add(BigInteger.ONE)).minus(aG);
            check.equation().g(a).minus(aG);
            assertFalse(check.holds());
        }
    }

    @Test
    void pointsAndScalarsAreReadOnlyInCanonicalForm() {
        byte[] encoded = Group.encodePoint(PUBLIC_KEY.point());
        assertEquals(PUBLIC_KEY.point(), Group.decodePoint(encoded, 0));
        assertTrue(Group.decodePoint(new byte[33], 0).isInfinity());
        byte[] order = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, Group.ORDER);
        org.junit.jupiter.api.Assertions.assertThrows(MalformedEncodingException.class, () -> Group.readScalar(order, 0));
    }
}
