package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.jekafo.query.elasticsearch.DateBounds;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The tree as it stood at any time, from the units' periods ({@link OrgUnitPeriodIndex}): one request a call, read
 * afresh each time (a few hundred small documents at most), so a move is seen as soon as it is projected.
 */
@Component
public class OrgUnitPeriodQueries {

    /** Far above the federation's periods (70 units, a few renames and moves a year); all are read at once. */
    private static final int MAX_PERIODS = 10_000;

    private final ElasticsearchClient client;

    OrgUnitPeriodQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /** The tree as it stood at {@code at}: the units created later are not in it. */
    public OrgUnitTree treeAt(Instant at) {
        return during(at, at.plusNanos(1)).treeAt(at);
    }

    /** The periods overlapping {@code [from, until)}, either end open when null. */
    public OrgUnitPeriods during(Instant from, Instant until) {
        try {
            var response = client.search(s -> s.index(OrgUnitPeriodIndex.ALIAS).size(MAX_PERIODS)
                    .query(q -> q.bool(b -> {
                        if (until != null) {
                            b.filter(f -> f.range(r -> r.untyped(u -> u.field("validFrom")
                                    .lt(DateBounds.exact(until)))));
                        }
                        if (from != null) {
                            b.filter(DateBounds.notEndedAt("validTo", from));
                        }
                        return b;
                    })), OrgUnitPeriodDocument.class);
            return new OrgUnitPeriods(from, until,
                    response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
