package org.jekafo.command.common;

import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FastIdentifierFactoryTest {

    @Test
    void axonUsesItForEveryIdentifier() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(FastIdentifierFactory.class);
    }

    @Test
    void identifiersAreVersion7UuidsCarryingTheirMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(new FastIdentifierFactory().generateIdentifier());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void identifiersOfLaterMillisecondsSortAfterAsText() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(new FastIdentifierFactory().generateIdentifier());
            Thread.sleep(2);
        }

        assertThat(ids).isSorted();
    }

    @Test
    void identifiersAreUniqueWithinOneMillisecond() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(new FastIdentifierFactory().generateIdentifier())).isTrue();
        }
    }
}
