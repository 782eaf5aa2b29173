package org.jekafo.app.platform.history;

import org.axonframework.common.Registration;
import org.axonframework.queryhandling.QueryBus;
import org.jekafo.api.history.FindHistoryQuery;
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
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of members or units with their histories asks the event store's history once per aggregate type, not once
 * per member or unit (no N+1); a history read one member at a time ({@code FindMemberHistoryQuery}) counts too.
 */
class HistoryBatchTest extends IntegrationTest {

    @Autowired
    QueryBus queryBus;

    /** What {@code answer} gives, and how many history queries it took. */
    private <T> T counting(AtomicInteger asked, Supplier<T> answer) {
        return counting(asked, FindHistoryQuery.class, answer);
    }

    /** What {@code answer} gives, and how many queries of {@code type} it took. */
    private <T> T counting(AtomicInteger asked, Class<?> type, Supplier<T> answer) {
        Registration counting = queryBus.registerDispatchInterceptor(queries -> (index, query) -> {
            if (type.isInstance(query.getPayload()) || query.getPayload() instanceof FindMemberHistoryQuery) {
                asked.incrementAndGet();
            }
            return query;
        });
        try {
            return answer.get();
        } finally {
            counting.cancel();
        }
    }

    /** Three members sharing a new last name, searchable. */
    private static String threeMembers(TestApi api) {
        String lastName = "Lot" + TestData.suffix();
        for (String firstName : List.of("Awa", "Fanta", "Kadiatou")) {
            api.register(TestApi.registration(lastName, firstName, "F", api.unitId("SG-01")));
        }
        api.awaitProjectionsCaughtUp();
        return lastName;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOfMembersWithTheirHistoryPagesAsksOnce() {
        TestApi api = connect();
        String lastName = threeMembers(api);
        AtomicInteger asked = new AtomicInteger();

        List<Map<String, Object>> edges = counting(asked, () -> api.runText("query($name: String) { members(filter: "
                + "{name: $name}, first: 10) { edges { node { firstName historyEntries(first: 5) { totalCount edges { "
                + "node { eventName } } } } } } }", Map.of("name", lastName)).data("members.edges"));

        assertThat(edges).hasSize(3).allSatisfy(edge -> assertThat(((Map<String, Object>) ((Map<String, Object>)
                edge.get("node")).get("historyEntries")).get("totalCount")).isEqualTo(1));
        assertThat(asked).as("history queries for one page of members").hasValue(1);
    }

    /** The retired, unpaginated {@code Member.history}: one {@code FindMemberHistoriesQuery} for the page. */
    @Test
    @SuppressWarnings("unchecked")
    void aPageOfMembersWithTheirWholeHistoriesAsksOnce() {
        TestApi api = connect();
        String lastName = threeMembers(api);
        AtomicInteger asked = new AtomicInteger();

        List<Map<String, Object>> edges = counting(asked, FindMemberHistoriesQuery.class, () -> api.runText(
                "query($name: String) { members(filter: {name: $name}, first: 10) { edges { node { firstName "
                        + "history { type principal } } } } }", Map.of("name", lastName)).data("members.edges"));

        assertThat(edges).hasSize(3).allSatisfy(edge -> assertThat((List<Map<String, Object>>)
                ((Map<String, Object>) edge.get("node")).get("history")).extracting(entry -> entry.get("type"))
                .containsExactly("MemberRegisteredEvent"));
        assertThat(asked).as("history queries for one page").hasValue(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRegionsWithTheirHistoriesAskOnce() {
        TestApi api = connect();
        AtomicInteger asked = new AtomicInteger();

        List<Map<String, Object>> regions = counting(asked, () -> api.runText("{ orgUnits(level: REGIONAL) { code "
                + "history(last: 1) { totalCount edges { node { eventName } } } } }", Map.of()).data("orgUnits"));

        assertThat(regions).hasSizeGreaterThan(8).allSatisfy(region -> assertThat((Map<String, Object>)
                region.get("history")).extracting(history -> history.get("totalCount")).isNotEqualTo(0));
        assertThat(asked).as("history queries for every region").hasValue(1);
    }
}
