package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * For the figures benchmark ({@code org.jekafo.query.figures.FiguresBenchmark}): the org-units index and queries wired
 * by hand, holding a national unit, {@code regions} regions and {@code localsPerRegion} local units in each. Lives in
 * this package (in the benchmark module) to reach the query side's package-private classes.
 */
public final class BenchmarkTree {

    private final OrgUnitQueries queries;
    private final List<String> regions = new ArrayList<>();
    private final List<String> locals = new ArrayList<>();

    public BenchmarkTree(ElasticsearchClient client, int regionCount, int localsPerRegion) {
        OrgUnitIndex index = new OrgUnitIndex(client, Clock.systemUTC());
        index.initialise();
        OrgUnitProjection projection = new OrgUnitProjection(client, index);
        queries = new OrgUnitQueries(client, index, Duration.ofMinutes(10));
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("tree"));
        projection.on(new OrgUnitCreatedEvent("ou-ml", "ML", "Mali", OrgUnitLevel.NATIONAL, null), 0);
        for (int r = 0; r < regionCount; r++) {
            String region = "ou-r" + r;
            regions.add(region);
            projection.on(new OrgUnitCreatedEvent(region, "R" + r, "Région " + r, OrgUnitLevel.REGIONAL, "ou-ml"), 0);
            for (int l = 0; l < localsPerRegion; l++) {
                String local = region + "-" + l;
                locals.add(local);
                projection.on(new OrgUnitCreatedEvent(local, "R" + r + "-" + l, "Unité " + l, OrgUnitLevel.LOCAL,
                        region), 0);
            }
        }
        unitOfWork.commit();
        index.refresh();
    }

    public OrgUnitQueries queries() {
        return queries;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> locals() {
        return locals;
    }
}
