package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every document of an index matching a query, in a stable order, as a stream read a page at a time while the
 * receiver asks for more: a point in time keeps the index as it was when the scan began (writes meanwhile are not
 * seen, no document is seen twice or missed), and each page continues after the last one's sort values
 * ({@code search_after}) — never {@code from}/{@code size}, whose cost grows with the depth. Memory holds one page,
 * whatever the number of documents; the point in time is closed when the stream ends, fails or is cancelled.
 */
public final class PointInTimeScan {

    /** Documents per page. */
    public static final int PAGE = 1_000;
    private static final String KEEP_ALIVE = "2m";

    private PointInTimeScan() {
    }

    /** The scan's position: its point in time and the sort values of the last document read. */
    private static final class Position {
        private final String pit;
        private List<FieldValue> after;
        private boolean done;

        Position(String pit) {
            this.pit = pit;
        }
    }

    /**
     * @param sort the order, ending with a unique field (the stream never sees two documents with the same sort
     *             values): e.g. the global position, or a card number then an id
     */
    public static <D, V> Flux<V> of(ElasticsearchClient client, String alias, Query query, List<SortOptions> sort,
                                    Class<D> type, Function<D, V> view) {
        return Flux.<List<V>, Position>generate(() -> new Position(open(client, alias)), (position, sink) -> {
            if (position.done) {
                sink.complete();
                return position;
            }
            SearchResponse<D> page = search(client, query, sort, type, position);
            List<Hit<D>> hits = page.hits().hits();
            if (hits.size() < PAGE) {
                position.done = true;
            }
            if (hits.isEmpty()) {
                sink.complete();
                return position;
            }
            position.after = hits.get(hits.size() - 1).sort();
            sink.next(hits.stream().map(Hit::source).filter(Objects::nonNull).map(view).toList());
            return position;
        }, position -> close(client, position.pit)).concatMapIterable(Function.identity(), 1);
    }

    private static <D> SearchResponse<D> search(ElasticsearchClient client, Query query, List<SortOptions> sort,
                                                Class<D> type, Position position) {
        try {
            return client.search(s -> {
                s.pit(p -> p.id(position.pit).keepAlive(k -> k.time(KEEP_ALIVE))).query(query).size(PAGE)
                        .sort(sort).trackTotalHits(t -> t.enabled(false));
                if (position.after != null) {
                    s.searchAfter(position.after);
                }
                return s;
            }, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String open(ElasticsearchClient client, String alias) {
        try {
            return client.openPointInTime(o -> o.index(alias).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(ElasticsearchClient client, String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | RuntimeException ignored) {
            // it expires by itself after KEEP_ALIVE
        }
    }
}
