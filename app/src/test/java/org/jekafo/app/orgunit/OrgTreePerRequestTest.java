package org.jekafo.app.orgunit;

import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** One request that shows many units reads the org tree once, not once per field that shows a unit (no N+1). */
class OrgTreePerRequestTest extends IntegrationTest {

    @Autowired
    QueryBus queryBus;

    @Test
    void aPageOfMembersWithTheirUnitsRegionsAndCountsReadsTheTreeOnce() {
        TestApi api = connect();
        for (String unit : List.of("SG-01", "SG-02")) {
            api.register(TestApi.registration("Arbre" + TestData.suffix(), "Awa", "F", api.unitId(unit)));
        }
        api.awaitProjectionsCaughtUp();
        String segou = api.unitId("SG");
        AtomicInteger treeReads = new AtomicInteger();
        Registration counting = queryBus.registerDispatchInterceptor(queries -> (index, query) -> {
            if (query.getPayload() instanceof FindOrgUnitsQuery) {
                treeReads.incrementAndGet();
            }
            return query;
        });
        try {
            List<?> edges = api.runText("query($unit: ID) { "
                    + "members(filter: {orgUnitId: $unit}, first: 20) { edges { node { region { name } "
                    + "localUnit { name parent { name children { code } } } } } } "
                    + "memberCounts(filter: {orgUnitId: $unit}) { byLocalUnit { label } } "
                    + "me { unit { name } } }", Map.of("unit", segou)).data("members.edges");

            assertThat(edges).isNotEmpty();
            assertThat(treeReads).as("reads of the org tree in one request").hasValue(1);
        } finally {
            counting.cancel();
        }
    }
}
