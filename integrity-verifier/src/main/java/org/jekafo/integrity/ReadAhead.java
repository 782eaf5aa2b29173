package org.jekafo.integrity;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator over what a source yields one element at a time ({@link #read}, null at the end): the export's lines,
 * a database cursor's rows. The first element is read on the first call, not while the subclass is being built.
 */
public abstract class ReadAhead<T> implements Iterator<T> {

    private T next;
    private boolean started;

    /** The next element, or null when there is none. */
    protected abstract T read();

    @Override
    public boolean hasNext() {
        if (!started) {
            started = true;
            next = read();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T current = next;
        next = read();
        return current;
    }
}
