package org.jekafo.app.membership;

import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.jekafo.api.membership.FindMemberHistoriesQuery;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of members with their histories asks for the histories once, not once per member (no N+1). */
class MemberHistoryBatchTest extends IntegrationTest {

    @Autowired
    QueryBus queryBus;

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfMembersWithTheirHistoriesAsksOnce() {
        TestApi api = connect();
        String lastName = "Lot" + TestData.suffix();
        for (String firstName : List.of("Awa", "Fanta", "Kadiatou")) {
            api.register(TestApi.registration(lastName, firstName, "F", api.unitId("SG-01")));
        }
        api.awaitProjectionsCaughtUp();
        AtomicInteger asked = new AtomicInteger();
        Registration counting = queryBus.registerDispatchInterceptor(queries -> (index, query) -> {
            if (query.getPayload() instanceof FindMemberHistoriesQuery
                    || query.getPayload() instanceof FindMemberHistoryQuery) {
                asked.incrementAndGet();
            }
            return query;
        });
        try {
            List<Map<String, Object>> edges = api.runText("query($name: String) { members(filter: {name: $name}, "
                    + "first: 10) { edges { node { firstName history { type principal } } } } }",
                    Map.of("name", lastName)).data("members.edges");

            assertThat(edges).hasSize(3).allSatisfy(edge -> assertThat((List<Map<String, Object>>)
                    ((Map<String, Object>) edge.get("node")).get("history")).extracting(entry -> entry.get("type"))
                    .containsExactly("MemberRegisteredEvent"));
            assertThat(asked).as("history queries for one page").hasValue(1);
        } finally {
            counting.cancel();
        }
    }
}
