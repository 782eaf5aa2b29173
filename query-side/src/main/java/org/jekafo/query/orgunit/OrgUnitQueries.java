package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitList;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.elasticsearch.KeptRead;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Answers questions about the tree from the org-units index. The tree is read whole and kept: every member query
 * resolves regions and subtrees through it, and it changes a few times a year.
 */
@Component
public class OrgUnitQueries {

    /** Far above the federation's size (70 units); the whole tree is read at once. */
    private static final int MAX_UNITS = 10_000;

    private final ElasticsearchClient client;
    private final KeptRead<OrgUnitTree> tree;

    /**
     * @param kept how long a tree read is used when nothing in this process announced a change: the bound on how late
     *             this instance sees a change that another instance's projection wrote (Axon Server, several
     *             instances); a change this process's projection writes is seen at once
     */
    OrgUnitQueries(ElasticsearchClient client, OrgUnitIndex index,
                   @Value("${jekafo.org-units.tree-kept:1s}") Duration kept) {
        this.client = client;
        this.tree = new KeptRead<>(index, kept, this::read);
    }

    /**
     * The tree as indexed now: read from the index, or as read less than {@code jekafo.org-units.tree-kept} ago if
     * the org-unit projection of this process has written nothing since. Its writes are searchable before they are
     * announced ({@link OrgUnitIndex#refreshedOnWrite()}), and a tree is kept only under the generation it was read
     * under, so a tree read while a change was being written is read again by the next caller.
     */
    public OrgUnitTree tree() {
        return tree.get();
    }

    private OrgUnitTree read() {
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
        List<OrgUnitView> units = tree().byCode();
        if (query.level() == null && query.parentId() == null && query.includeClosed()) {
            return new OrgUnitList(units); // the whole tree, asked for by every request that shows a unit
        }
        return new OrgUnitList(units.stream()
                .filter(u -> query.level() == null || u.level() == query.level())
                .filter(u -> query.parentId() == null || query.parentId().equals(u.parentId()))
                .filter(u -> query.includeClosed() || !u.closed())
                .toList());
    }
}
