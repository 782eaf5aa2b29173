package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RestartsTest {

    @Test
    void pauseDoublesFromOneSecondUpToThirtySeconds() {
        Restarts restarts = new Restarts();

        assertThat(Stream.generate(restarts::nextPause).limit(7).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void pauseStartsOverAtOneSecondOnceAServerGotReady() {
        Restarts restarts = new Restarts();
        restarts.nextPause();
        restarts.nextPause();

        restarts.ready();

        assertThat(restarts.nextPause()).isEqualTo(Duration.ofSeconds(1));
    }
}
