package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For the figures benchmark ({@code org.jekafo.query.figures.FiguresBenchmark}): the units' periods index and the trees
 * of the past wired by hand, holding a national unit, {@code regions} regions and {@code localsPerRegion} local units in
 * each, all created at {@link #CREATED}, before the benchmark's first member. Lives in this package (in the
 * benchmark module) to reach the query side's package-private classes.
 */
public final class BenchmarkTree {

    public static final Instant CREATED = Instant.parse("2019-01-01T00:00:00Z");

    private final OrgUnitPeriodQueries pastTrees;
    private final List<String> regions = new ArrayList<>();
    private final List<String> locals = new ArrayList<>();

    public BenchmarkTree(ElasticsearchClient client, int regionCount, int localsPerRegion) {
        OrgUnitPeriodIndex periodIndex = new OrgUnitPeriodIndex(client, Clock.systemUTC());
        periodIndex.initialise();
        OrgUnitPeriodProjection periods = new OrgUnitPeriodProjection(client, periodIndex);
        pastTrees = new OrgUnitPeriodQueries(client, periodIndex, Duration.ofSeconds(1));
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("tree"));
        List<OrgUnitCreatedEvent> units = new ArrayList<>();
        units.add(new OrgUnitCreatedEvent("ou-ml", "ML", "Mali", OrgUnitLevel.NATIONAL, null));
        for (int r = 0; r < regionCount; r++) {
            String region = "ou-r" + r;
            regions.add(region);
            units.add(new OrgUnitCreatedEvent(region, "R" + r, "Région " + r, OrgUnitLevel.REGIONAL, "ou-ml"));
            for (int l = 0; l < localsPerRegion; l++) {
                String local = region + "-" + l;
                locals.add(local);
                units.add(new OrgUnitCreatedEvent(local, "R" + r + "-" + l, "Unité " + l, OrgUnitLevel.LOCAL, region));
            }
        }
        units.forEach(unit -> periods.on(unit, 0, CREATED));
        unitOfWork.commit();
        periodIndex.refresh();
    }

    public OrgUnitPeriodQueries pastTrees() {
        return pastTrees;
    }

    public List<String> regions() {
        return regions;
    }

    public List<String> locals() {
        return locals;
    }
}
