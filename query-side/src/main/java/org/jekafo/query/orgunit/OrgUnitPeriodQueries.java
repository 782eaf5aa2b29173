package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.jekafo.query.elasticsearch.KeptRead;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The tree as it stood at any time, from the units' periods ({@link OrgUnitPeriodIndex}): every period is read at
 * once (a few hundred small documents at most) and kept as the tree of today is ({@code jekafo.org-units.tree-kept},
 * read again as soon as this process's projection writes a period), so a move is seen as soon as it is projected
 * here and a figure as of a date asks Elasticsearch for its figures only.
 */
@Component
public class OrgUnitPeriodQueries {

    /** Far above the federation's periods (70 units, a few renames and moves a year); all are read at once. */
    private static final int MAX_PERIODS = 10_000;

    private final ElasticsearchClient client;
    private final KeptRead<List<OrgUnitPeriodDocument>> periods;

    OrgUnitPeriodQueries(ElasticsearchClient client, OrgUnitPeriodIndex index,
                         @Value("${jekafo.org-units.tree-kept:1s}") Duration kept) {
        this.client = client;
        this.periods = new KeptRead<>(index, kept, this::read);
    }

    /** The tree as it stood at {@code at}: the units created later are not in it. */
    public OrgUnitTree treeAt(Instant at) {
        return during(at, at.plusNanos(1)).treeAt(at);
    }

    /** The periods overlapping {@code [from, until)}, either end open when null. */
    public OrgUnitPeriods during(Instant from, Instant until) {
        return new OrgUnitPeriods(from, until, periods.get().stream().filter(p -> p.overlaps(from, until)).toList());
    }

    private List<OrgUnitPeriodDocument> read() {
        try {
            var response = client.search(s -> s.index(OrgUnitPeriodIndex.ALIAS).size(MAX_PERIODS),
                    OrgUnitPeriodDocument.class);
            return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
