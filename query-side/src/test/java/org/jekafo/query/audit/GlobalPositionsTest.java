package org.jekafo.query.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each event's own index, also when a late transaction's event fills a gap below the token's highest index. */
class GlobalPositionsTest {

    private final GlobalPositions positions = new GlobalPositions();

    @Test
    void eventsFillingGapsGetTheirOwnIndexNotTheHighestRead() {
        assertThat(positions.of(gapAware(5))).isEqualTo(5);
        assertThat(positions.of(gapAware(8, 6L, 7L))).isEqualTo(8);
        assertThat(positions.of(gapAware(8, 7L))).isEqualTo(6);
        assertThat(positions.of(gapAware(8))).isEqualTo(7);
        assertThat(positions.of(gapAware(9))).isEqualTo(9);
    }

    @Test
    void withoutAPreviousTokenOrWhenItNamesNoSingleIndexTheTokensPositionIsTaken() {
        assertThat(positions.of(gapAware(8, 7L))).isEqualTo(8);
        assertThat(positions.of(gapAware(12))).as("9 to 12 and 7 all read since: no single index").isEqualTo(12);
    }

    @Test
    void axonServerAndReplayTokensGiveTheirPosition() {
        assertThat(positions.of(new GlobalSequenceTrackingToken(41))).isEqualTo(41);
        assertThat(positions.of(ReplayToken.createReplayToken(gapAware(100), gapAware(3)))).isEqualTo(3);
    }

    private static GapAwareTrackingToken gapAware(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }
}
