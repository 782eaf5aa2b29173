package org.jekafo.elasticsearch.local;

import java.time.Duration;

/** The pause before each restart of a server that died: 1 s, doubling up to 30 s, from 1 s again once one got ready. */
final class Restarts {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** The pause before the next attempt; the one after it is twice as long, up to {@link #LONGEST}. */
    synchronized Duration nextPause() {
        Duration pause = next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return pause;
    }

    /** A restarted server became ready: the next death waits {@link #FIRST} again. */
    synchronized void ready() {
        next = FIRST;
    }
}
