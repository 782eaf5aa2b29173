package org.jekafo.app.figures;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.orgunit.MovedUnitScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.figures.FiguresAsOfTest.countsAsOf;
import static org.jekafo.app.figures.FiguresAsOfTest.point;

/**
 * Figures as of a date and indicators across a move ({@link MovedUnitScenario}: a local unit of Ségou moved to Kidal
 * with three members, a fourth registered after): as of a date, the unit and its members lie in the region the unit
 * lay in then; the month's indicators count the registrations where they happened and the members where they are at
 * the month's end. Tests of this JVM run one after another, so the month's figures of both regions change by this
 * scenario's members only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiguresAcrossAMoveTest extends IntegrationTest {

    TestApi api;
    MovedUnitScenario moved;
    Map<String, Object> segouMonthBefore;
    Map<String, Object> kidalMonthBefore;
    LocalDate today;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aUnitOfSegouMovesToKidal() {
        api = connect();
        today = LocalDate.now(ZoneOffset.UTC);
        segouMonthBefore = point(api, api.unitId("SG"), today);
        kidalMonthBefore = point(api, api.unitId("KD"), today);
        moved = new MovedUnitScenario(api, "SG", "KD");
        api.awaitProjectionsCaughtUp();
        // projected is not yet searchable: the periods index is refreshed every second while searched, and the
        // scenario's last writes (the fourth registration, the suspension) can be that recent (seen on PostgreSQL)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Object> now = countsAsOf(api, moved.unit, Instant.now());
            assertThat(now).containsEntry("total", 4);
            assertThat((List<Map<String, Object>>) now.get("byStatus")).anySatisfy(status ->
                    assertThat(status).containsEntry("key", "SUSPENDED").containsEntry("count", 1));
        });
    }

    @Test
    void asOfBeforeTheMoveTheMembersCountInTheOldRegion() {
        assertThat(localUnits(countsAsOf(api, moved.from, moved.beforeMove))).containsEntry(id(moved.unit), 3L);
        assertThat(localUnits(countsAsOf(api, moved.to, moved.beforeMove))).doesNotContainKey(id(moved.unit));
        assertThat(regions(countsAsOf(api, moved.unit, moved.beforeMove))).isEqualTo(Map.of(id(moved.from), 3L));
    }

    @Test
    void asOfAfterTheMoveTheMembersCountInTheNewRegion() {
        assertThat(localUnits(countsAsOf(api, moved.to, moved.afterMove))).containsEntry(id(moved.unit), 3L);
        assertThat(localUnits(countsAsOf(api, moved.from, moved.afterMove))).doesNotContainKey(id(moved.unit));
        assertThat(regions(countsAsOf(api, moved.unit, moved.afterMove))).isEqualTo(Map.of(id(moved.to), 3L));
        assertThat(regions(countsAsOf(api, moved.unit, Instant.now()))).isEqualTo(Map.of(id(moved.to), 4L));
    }

    @Test
    void aUnitCreatedAfterADateIsAbsentFromTheFiguresAsOfThatDate() {
        Map<String, Object> before = countsAsOf(api, moved.unit, moved.beforeCreation);

        assertThat(before).containsEntry("total", 0);
        assertThat(localUnits(before)).isEmpty();
        assertThat(regions(before)).isEmpty();
        assertThat(localUnits(countsAsOf(api, moved.from, moved.beforeCreation))).doesNotContainKey(id(moved.unit));
    }

    @Test
    void theMonthsIndicatorsCountRegistrationsWhereTheyHappenedAndMembersWhereTheyAreAtItsEnd() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Long> segou = change(segouMonthBefore, point(api, moved.from, today));
            Map<String, Long> kidal = change(kidalMonthBefore, point(api, moved.to, today));
            assertThat(segou).isEqualTo(Map.of("registrations", 3L, "registeredWomen", 2L, "members", 0L,
                    "women", 0L));
            assertThat(kidal).isEqualTo(Map.of("registrations", 1L, "registeredWomen", 1L, "members", 4L,
                    "women", 3L));
        });
    }

    @Test
    void rebuildingTheUnitsPeriodsGivesTheSameFigures() {
        Map<String, Object> before = countsAsOf(api, moved.from, moved.beforeMove);
        Map<String, Object> after = countsAsOf(api, moved.to, moved.afterMove);

        Map<String, Object> rebuilt = api.as(TestApi.OPERATOR).run("rebuildProjection", "input",
                Map.of("name", "org-unit-period-projection", "awaitCompletion", true)).data("rebuildProjection.projection");

        assertThat(rebuilt).containsEntry("rebuilding", false);
        assertThat(countsAsOf(api, moved.from, moved.beforeMove)).isEqualTo(before);
        assertThat(countsAsOf(api, moved.to, moved.afterMove)).isEqualTo(after);
        assertThat(regions(countsAsOf(api, moved.unit, moved.beforeMove))).isEqualTo(Map.of(id(moved.from), 3L));
    }

    /** How the month's member figures changed, by name. */
    private static Map<String, Long> change(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Long> change = new HashMap<>();
        for (String name : List.of("registrations", "registeredWomen", "members", "women")) {
            change.put(name, ((Number) after.get(name)).longValue() - ((Number) before.get(name)).longValue());
        }
        return change;
    }

    private static Map<String, Long> localUnits(Map<String, Object> figures) {
        return buckets(figures, "byLocalUnit");
    }

    private static Map<String, Long> regions(Map<String, Object> figures) {
        return buckets(figures, "byRegion");
    }

    /** A breakdown's counts by the identifier of their unit. */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> buckets(Map<String, Object> figures, String breakdown) {
        Map<String, Long> counts = new HashMap<>();
        ((List<Map<String, Object>>) figures.get(breakdown)).forEach(cell -> counts.put(id(cell.get("key")),
                ((Number) cell.get("count")).longValue()));
        return counts;
    }

    private static String id(Object globalId) {
        return TestApi.identifierOf(globalId);
    }
}
