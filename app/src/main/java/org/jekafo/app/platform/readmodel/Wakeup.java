package org.jekafo.app.platform.readmodel;

import java.util.concurrent.TimeUnit;

/**
 * A waiting thread told that something it waits for may have changed. A signal given while nobody waits is kept
 * for the next {@link #await}, so none is lost between a read and the wait that follows it.
 */
final class Wakeup implements AutoCloseable {

    private boolean signalled;
    private Runnable onClose = () -> { };

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Returns once signalled (since the last return) or once {@code nanos} have passed, whichever comes first. */
    synchronized void await(long nanos) {
        long end = System.nanoTime() + nanos;
        try {
            for (long left = nanos; !signalled && left > 0; left = end - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
        signalled = false;
    }

    /** What {@link #close()} undoes: the subscription the signals come from. */
    void closing(Runnable undo) {
        onClose = undo;
    }

    @Override
    public void close() {
        onClose.run();
    }
}
