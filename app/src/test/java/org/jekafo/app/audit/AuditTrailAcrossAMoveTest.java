package org.jekafo.app.audit;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.orgunit.MovedUnitScenario;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.audit.AuditTrailTest.nodes;
import static org.jekafo.app.audit.AuditTrailTest.page;

/**
 * The audit trail's unit filter across a move ({@link MovedUnitScenario}: a local unit of Ségou moved to Kidal): an
 * event belongs to a region when its unit lay in that region at the event's time, so Ségou keeps the registrations
 * made before the move and Kidal has what happened after it. What an officer may read is today's tree: Kidal's
 * officer reads the unit's whole past, Ségou's no longer reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailAcrossAMoveTest extends IntegrationTest {

    private static final ActingPrincipal KIDAL_OFFICER = new ActingPrincipal("responsable-kd", Role.CHAPTER_OFFICER,
            "KD", null);

    TestApi bureau;
    MovedUnitScenario moved;
    String suspended;

    @BeforeAll
    void aUnitOfSegouMovesToKidal() {
        bureau = connect();
        moved = new MovedUnitScenario(bureau, "SG", "KD");
        suspended = moved.registeredBefore.get(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> events(bureau, Map.of("aggregateId", moved.registeredAfter)).size() == 1
                        && events(bureau, Map.of("aggregateId", suspended)).size() == 2
                        && events(bureau, Map.of("aggregateId", moved.unit)).size() == 2);
    }

    @Test
    void theOldRegionHasTheRegistrationsMadeBeforeTheMoveAndNothingAfter() {
        for (String member : moved.registeredBefore) {
            assertThat(names(Map.of("aggregateId", member, "orgUnit", moved.from)))
                    .containsExactly("MemberRegisteredEvent");
        }
        assertThat(names(Map.of("aggregateId", moved.registeredAfter, "orgUnit", moved.from))).isEmpty();
        assertThat(names(Map.of("aggregateId", suspended, "orgUnit", moved.from, "from", moved.afterMove.toString())))
                .isEmpty();
    }

    @Test
    void theNewRegionHasWhatHappenedAfterTheMoveAndNotTheRegistrationsBefore() {
        assertThat(names(Map.of("aggregateId", suspended, "orgUnit", moved.to)))
                .containsExactly("MemberSuspendedEvent");
        assertThat(names(Map.of("aggregateId", moved.registeredAfter, "orgUnit", moved.to)))
                .containsExactly("MemberRegisteredEvent");
        assertThat(names(Map.of("aggregateId", moved.registeredBefore.get(1), "orgUnit", moved.to))).isEmpty();
        assertThat(names(Map.of("aggregateId", suspended, "orgUnit", moved.to, "from", moved.afterMove.toString())))
                .containsExactly("MemberSuspendedEvent");
    }

    @Test
    void theUnitsOwnEventsBelongToTheRegionItLayInThenAndTheMoveToBoth() {
        assertThat(names(Map.of("aggregateId", moved.unit, "orgUnit", moved.from)))
                .containsExactly("OrgUnitCreatedEvent", "OrgUnitMovedEvent");
        assertThat(names(Map.of("aggregateId", moved.unit, "orgUnit", moved.to))).containsExactly("OrgUnitMovedEvent");
        assertThat(names(Map.of("aggregateId", moved.unit, "orgUnit", moved.unit)))
                .containsExactly("OrgUnitCreatedEvent", "OrgUnitMovedEvent");
    }

    @Test
    void anOfficerReadsTheUnitsTheyAnswerForToday() {
        TestApi kidal = bureau.as(KIDAL_OFFICER);
        TestApi segou = bureau.as(TestApi.SEGOU_OFFICER);

        assertThat(events(kidal, Map.of("aggregateId", suspended))).extracting(e -> e.get("eventName"))
                .containsExactly("MemberRegisteredEvent", "MemberSuspendedEvent");
        assertThat(events(kidal, Map.of("aggregateId", suspended, "orgUnit", moved.to)))
                .extracting(e -> e.get("eventName")).containsExactly("MemberSuspendedEvent");
        assertThat(events(segou, Map.of("aggregateId", suspended))).isEmpty();
        assertThat(events(segou, Map.of("aggregateId", suspended, "orgUnit", moved.from))).isEmpty();
    }

    @Test
    void rebuildingTheUnitsPeriodsGivesTheSameTrail() {
        Map<String, Object> filter = Map.of("aggregateId", suspended, "orgUnit", moved.from);
        List<Map<String, Object>> before = events(bureau, filter);

        Map<String, Object> rebuilt = bureau.as(TestApi.OPERATOR).run("rebuildProjection", "input",
                Map.of("name", "org-unit-period-projection", "awaitCompletion", true)).data("rebuildProjection.projection");

        assertThat(rebuilt).containsEntry("rebuilding", false);
        assertThat(events(bureau, filter)).isEqualTo(before).hasSize(1);
    }

    private List<Object> names(Map<String, Object> filter) {
        return events(bureau, filter).stream().map(e -> e.get("eventName")).toList();
    }

    private static List<Map<String, Object>> events(TestApi caller, Map<String, Object> filter) {
        return nodes(page(caller, new HashMap<>(filter), null));
    }
}
