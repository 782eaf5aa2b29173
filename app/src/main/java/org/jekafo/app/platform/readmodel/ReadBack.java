package org.jekafo.app.platform.readmodel;

import org.jekafo.query.elasticsearch.ProjectionIndex;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One feature's binding to {@link ReadYourWrites}: which index shows its aggregates, which query reads one, and
 * which version the view carries. A feature declares its own beside its controller (a subclass naming these three),
 * so no central list knows the indices.
 *
 * @param <V> the view a mutation answers with
 */
public abstract class ReadBack<V> {

    private final ReadYourWrites readYourWrites;
    private final ProjectionIndex index;
    private final Function<String, ?> query;
    private final Class<V> view;
    private final ToLongFunction<V> versionOf;

    protected ReadBack(ReadYourWrites readYourWrites, ProjectionIndex index, Function<String, ?> query, Class<V> view,
                       ToLongFunction<V> versionOf) {
        this.readYourWrites = readYourWrites;
        this.index = index;
        this.query = query;
        this.view = view;
        this.versionOf = versionOf;
    }

    /** The aggregate as the next query will see it, per {@link ReadYourWrites#await}; null when unreadable. */
    public V of(String aggregateId) {
        return readYourWrites.await(index, aggregateId, query.apply(aggregateId), view, versionOf);
    }
}
