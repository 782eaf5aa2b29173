package org.jekafo.command.integrity;

import java.util.Iterator;
import java.util.List;

/** Elements read one at a time from their source (a database cursor, Axon Server's event stream); close it to release the source. */
interface Reader<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();

    /** {@code elements}, already read: closing releases nothing. */
    static <T> Reader<T> of(List<T> elements) {
        Iterator<T> iterator = elements.iterator();
        return new Reader<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
