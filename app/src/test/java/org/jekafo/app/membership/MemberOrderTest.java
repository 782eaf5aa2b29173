package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Members sorted where users sort them, paged forward and backward with cursors bound to their order. */
class MemberOrderTest extends IntegrationTest {

    private static final String PAGE = """
            query($filter: MemberFilter, $orderBy: MemberOrderBy, $first: Int, $after: String, $last: Int, $before: String) {
              members(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
                edges { cursor node { firstName cardNumber enrolledOn } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void pagesForwardAndBackwardInEveryOrder() {
        TestApi api = connect();
        String lastName = "Ordre" + TestData.suffix();
        List<String> firstNames = List.of("Awa", "Bintou", "Coumba", "Djeneba", "Fanta");
        for (int i = 0; i < firstNames.size(); i++) {
            Map<String, Object> input = TestApi.registration(lastName, firstNames.get(i), "F", api.unitId("SG-01"));
            input.put("enrolledOn", LocalDate.of(2020, 1, 1).plusDays(7L * ((i * 3) % 5)).toString());
            api.register(input);
        }
        api.awaitProjectionsCaughtUp();
        Map<String, Object> filter = Map.of("name", lastName);
        Map<String, Object> byDateDesc = Map.of("field", "ENROLLED_ON", "direction", "DESC");

        List<Map<String, Object>> forward = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Map<String, Object> page = page(api, filter, byDateDesc, 2, after, null, null);
            edges(page).forEach(edge -> forward.add((Map<String, Object>) edge.get("node")));
            Map<String, Object> info = (Map<String, Object>) page.get("pageInfo");
            assertThat(info.get("hasPreviousPage")).isEqualTo(after != null);
            more = (Boolean) info.get("hasNextPage");
            after = (String) info.get("endCursor");
        }
        List<String> dates = forward.stream().map(node -> (String) node.get("enrolledOn")).toList();
        assertThat(dates).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // backward from the end: the last two, then the two before them, then the first
        Map<String, Object> last = page(api, filter, byDateDesc, null, null, 2, null);
        assertThat(names(last)).containsExactly(forward.get(3).get("firstName"), forward.get(4).get("firstName"));
        Map<String, Object> lastInfo = (Map<String, Object>) last.get("pageInfo");
        assertThat(lastInfo).containsEntry("hasPreviousPage", true).containsEntry("hasNextPage", false);
        Map<String, Object> before = page(api, filter, byDateDesc, null, null, 2, (String) lastInfo.get("startCursor"));
        assertThat(names(before)).containsExactly(forward.get(1).get("firstName"), forward.get(2).get("firstName"));
        Map<String, Object> start = page(api, filter, byDateDesc, null, null, 2,
                (String) ((Map<String, Object>) before.get("pageInfo")).get("startCursor"));
        assertThat(names(start)).containsExactly(forward.get(0).get("firstName"));
        assertThat((Map<String, Object>) start.get("pageInfo")).containsEntry("hasPreviousPage", false)
                .containsEntry("hasNextPage", true);

        // by card number: the order of registration (numbers are given in turn in a region)
        Map<String, Object> byCard = page(api, filter, Map.of("field", "CARD_NUMBER"), 5, null, null, null);
        List<String> cards = edges(byCard).stream().map(e -> (String) ((Map<String, Object>) e.get("node"))
                .get("cardNumber")).toList();
        assertThat(cards).isSorted();
        assertThat(names(byCard)).containsExactlyElementsOf(firstNames);

        // a cursor is valid only for the order that gave it
        String nameCursor = (String) ((Map<String, Object>) page(api, filter, null, 2, null, null, null)
                .get("pageInfo")).get("endCursor");
        Map<String, Object> variables = variables(filter, Map.of("field", "CARD_NUMBER"), 2, nameCursor, null, null);
        TestApi.assertRefused(api.runText(PAGE, variables).singleError(), "INVALID_CURSOR", "after");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> edges(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("edges");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> names(Map<String, Object> page) {
        return edges(page).stream().map(e -> ((Map<String, Object>) e.get("node")).get("firstName")).toList();
    }

    private static Map<String, Object> page(TestApi api, Map<String, Object> filter, Map<String, Object> orderBy,
                                            Integer first, String after, Integer last, String before) {
        return api.runText(PAGE, variables(filter, orderBy, first, after, last, before)).data("members");
    }

    private static Map<String, Object> variables(Map<String, Object> filter, Map<String, Object> orderBy,
                                                 Integer first, String after, Integer last, String before) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("orderBy", orderBy);
        variables.put("first", first == null ? 20 : first);
        variables.put("after", after);
        variables.put("last", last);
        variables.put("before", before);
        return variables;
    }
}
