package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The units' periods, alias {@code jekafo-org-unit-periods}, written by the org-unit period projection: the tree at any date. */
@Component
public class OrgUnitPeriodIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-org-unit-periods";

    OrgUnitPeriodIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, OrgUnitPeriodProjection.PROCESSING_GROUP,
                "/org/jekafo/query/elasticsearch/org-unit-periods.json", clock);
    }

    /** A few periods per unit, written a few times a year: each is searchable once written, as the tree's units are. */
    @Override
    protected boolean refreshedOnWrite() {
        return true;
    }
}
