package org.jekafo.app.operations;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.LiveConnection;
import org.jekafo.app.LiveConnection.Received;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections' state pushed over a real WebSocket: at once, then as the projections move. */
class ProjectionStatusSubscriptionTest extends IntegrationTest {

    private static final String STATUS = "subscription { projectionStatus { name position head lag rebuilding } }";

    @Test
    void theStatusArrivesAtOnceThenWhenAProjectionMoves() {
        TestApi bureau = connect();

        try (LiveConnection connection = bureau.live()) {
            Received statuses = connection.subscribe(STATUS, Map.of());
            List<Map<String, Object>> first = statuses.nextList("projectionStatus");
            long before = position(first);
            bureau.register(TestApi.registration("Etat" + TestData.suffix(), "Awa", "F", bureau.unitId("SG-01")));

            List<Map<String, Object>> moved = statuses.nextList("projectionStatus");
            while (position(moved) <= before) {
                moved = statuses.nextList("projectionStatus");
            }

            assertThat(first).extracting(status -> status.get("name")).containsExactlyInAnyOrder("member-projection",
                    "org-unit-projection", "consultation-projection", "consultation-ballot-projection",
                    "audit-projection", "member-period-projection", "org-unit-period-projection");
            assertThat(first).allSatisfy(status -> assertThat(status).containsEntry("rebuilding", false));
            assertThat(position(moved)).isGreaterThan(before);
        }
    }

    private static long position(List<Map<String, Object>> statuses) {
        return statuses.stream().filter(status -> "member-projection".equals(status.get("name")))
                .map(status -> ((Number) status.get("position")).longValue()).findFirst().orElseThrow();
    }
}
