package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The federation's tree, alias {@code jekafo-org-units}, written by the org-unit projection. */
@Component
public class OrgUnitIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-org-units";

    OrgUnitIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, OrgUnitProjection.PROCESSING_GROUP, "/org/jekafo/query/elasticsearch/org-units.json", clock);
    }

    /** A few dozen units, changed rarely: each change is searchable once announced, so the tree read can be kept. */
    @Override
    protected boolean refreshedOnWrite() {
        return true;
    }
}
