package org.jekafo.ballot;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DiscreteLogTest {

    static OptionalInt solve(int m, int max) {
        return DiscreteLog.solve(Group.timesG(m), max);
    }

    @Test
    void findsValuesAroundTheTableEdges() {
        for (int m : new int[]{0, 1, 2, 1023, 1024, 1025, 2047, 2048, 65_535, 65_536}) {
            assertEquals(OptionalInt.of(m), solve(m, 200_000), "m = " + m);
        }
    }

    @Test
    void findsTwoHundredThousandQuickly() {
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertEquals(OptionalInt.of(200_000), solve(200_000, 200_000));
            assertEquals(OptionalInt.of(199_999), solve(199_999, 200_000));
        });
    }

    @Test
    void findsTwoMillion() {
        assertEquals(OptionalInt.of(2_000_000), solve(2_000_000, 2_000_000));
    }

    @Test
    void aValueAboveTheBoundIsNotFound() {
        assertEquals(OptionalInt.empty(), solve(1001, 1000));
        assertEquals(OptionalInt.empty(), solve(300_000, 200_000));
        assertEquals(OptionalInt.empty(), DiscreteLog.solve(Group.timesG(-1), 200_000));
    }

    @Test
    void findsValuesUpToTheBoundExactly() {
        assertEquals(OptionalInt.of(1000), solve(1000, 1000));
        assertEquals(OptionalInt.of(0), solve(0, 0));
    }
}
