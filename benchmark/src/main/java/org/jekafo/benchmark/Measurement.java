package org.jekafo.benchmark;

import java.time.Duration;

/** {@code count} items done in {@code elapsed}; {@code loadAtStart} is the machine's 1-minute load average then. */
record Measurement(String name, int count, String unit, Duration elapsed, String loadAtStart) {

    double seconds() {
        return elapsed.toNanos() / 1e9;
    }

    double perSecond() {
        return elapsed.isZero() ? 0 : count / seconds();
    }

    /** This rate as a multiple of {@code limit}'s. */
    double ratioTo(Measurement limit) {
        return limit.perSecond() == 0 ? 0 : perSecond() / limit.perSecond();
    }
}
