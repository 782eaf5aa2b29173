package org.jekafo.query.elasticsearch;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What was read of a small projection index, used again while nothing in this process announced a change to it
 * ({@link ProjectionIndex#generation()}) and for at most {@code kept}: the bound on how late this instance sees a
 * change that another instance's projection wrote. A value is kept only under the generation it was read under, so
 * a value read while a change was being written is read again by the next caller. Only for an index whose writes are
 * searchable before they are announced ({@link ProjectionIndex#refreshedOnWrite()}).
 */
public final class KeptRead<T> {

    private final ProjectionIndex index;
    private final long keptNanos;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    private record Kept<T>(T value, long generation, long readNanos) {
    }

    public KeptRead(ProjectionIndex index, Duration kept, Supplier<T> read) {
        this.index = index;
        this.keptNanos = kept.toNanos();
        this.read = read;
    }

    /** The value as read now, or as read less than {@code kept} ago under the index's current generation. */
    public T get() {
        long generation = index.generation();
        long now = System.nanoTime();
        Kept<T> current = kept;
        if (current != null && current.generation() == generation && now - current.readNanos() < keptNanos) {
            return current.value();
        }
        T value = read.get();
        kept = new Kept<>(value, generation, now);
        return value;
    }
}
