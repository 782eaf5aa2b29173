package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitList;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Objects;

/** Answers questions about the tree from the org-units index. */
@Component
public class OrgUnitQueries {

    /** Far above the federation's size (70 units); the whole tree is read at once. */
    private static final int MAX_UNITS = 10_000;

    private final ElasticsearchClient client;

    OrgUnitQueries(ElasticsearchClient client) {
        this.client = client;
    }

    /** The tree as indexed now. */
    public OrgUnitTree tree() {
        try {
            var response = client.search(s -> s.index(OrgUnitIndex.ALIAS).size(MAX_UNITS), OrgUnitDocument.class);
            return new OrgUnitTree(response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unit, or null when there is none (Axon answers an {@code instanceOf} query with null). */
    @QueryHandler
    OrgUnitView handle(FindOrgUnitQuery query) {
        RefusedQueryException.bounded(query.code(), TextLimit.ORG_UNIT_CODE);
        OrgUnitTree tree = tree();
        if (query.orgUnitId() != null) {
            return tree.find(query.orgUnitId()).orElse(null);
        }
        return tree.all().stream().filter(u -> u.code().equals(query.code())).findFirst().orElse(null);
    }

    @QueryHandler
    OrgUnitList handle(FindOrgUnitsQuery query) {
        return new OrgUnitList(tree().all().stream()
                .filter(u -> query.level() == null || u.level() == query.level())
                .filter(u -> query.parentId() == null || query.parentId().equals(u.parentId()))
                .filter(u -> query.includeClosed() || !u.closed())
                .sorted(Comparator.comparing(OrgUnitView::code))
                .toList());
    }
}
