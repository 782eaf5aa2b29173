package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tablet downloads its unit once, then only what changed since its token: new and changed members, members
 * transferred away (tombstones) and erasures, nothing twice, nothing missed.
 */
class MemberChangesTest extends IntegrationTest {

    private static final String FEED = """
            query($unit: ID!, $since: String) {
              memberChanges(orgUnitId: $unit, since: $since, first: 50) {
                token hasMore changes { kind memberId member { id lastName phone } }
              }
            }""";

    /** The changes since {@code since} (all pages) and the token to keep. */
    private record Sync(List<Map<String, Object>> changes, String token) {

        List<Object> kindOf(String memberId) {
            return changes.stream().filter(c -> memberId.equals(c.get("memberId"))).map(c -> c.get("kind")).toList();
        }
    }

    @Test
    void aTabletGetsWhatChangedSinceItsLastSyncAndNothingElse() {
        TestApi bureau = connect();
        TestApi tablet = bureau.as(TestApi.SEGOU_AGENT);
        String unit = bureau.unitId("SG-01");
        String stays = (String) bureau.register(TestApi.registration("Reste" + TestData.suffix(), "Awa", "F", unit)).get("id");
        String leaves = (String) bureau.register(TestApi.registration("Part" + TestData.suffix(), "Sira", "F", unit)).get("id");
        String erased = (String) bureau.register(TestApi.registration("Efface" + TestData.suffix(), "Nana", "F", unit)).get("id");
        String untouched = (String) bureau.register(TestApi.registration("Calme" + TestData.suffix(), "Oumou", "F", unit)).get("id");
        bureau.awaitProjectionsCaughtUp();

        Sync first = await().atMost(Duration.ofSeconds(30)).until(() -> sync(tablet, unit, null),
                s -> !s.kindOf(untouched).isEmpty());
        assertThat(first.kindOf(stays)).containsExactly("UPDATED");
        assertThat(first.kindOf(leaves)).containsExactly("UPDATED");

        String newPhone = TestData.uniquePhone();
        bureau.mutateMember("changeMemberPhone", Map.of("memberId", stays, "phone", newPhone));
        bureau.mutateMember("transferMember", Map.of("memberId", leaves, "toLocalUnitId", bureau.unitId("SG-02")));
        bureau.mutateMember("erasePersonalData", Map.of("memberId", erased, "reason", "Demande de la personne"));
        String joined = (String) bureau.register(TestApi.registration("Nouveau" + TestData.suffix(), "Mah", "F", unit))
                .get("id");
        bureau.awaitProjectionsCaughtUp();

        Sync second = await().atMost(Duration.ofSeconds(30)).until(() -> sync(tablet, unit, first.token()),
                s -> !s.kindOf(joined).isEmpty() && !s.kindOf(stays).isEmpty() && !s.kindOf(leaves).isEmpty()
                        && !s.kindOf(erased).isEmpty());
        assertThat(second.kindOf(stays)).containsExactly("UPDATED");
        assertThat(second.changes()).filteredOn(c -> stays.equals(c.get("memberId"))).singleElement()
                .satisfies(c -> assertThat((Map<String, Object>) c.get("member")).containsEntry("phone", newPhone));
        assertThat(second.kindOf(leaves)).containsExactly("LEFT_UNIT");
        assertThat(second.changes()).filteredOn(c -> leaves.equals(c.get("memberId")))
                .allSatisfy(c -> assertThat(c.get("member")).isNull());
        assertThat(second.kindOf(erased)).containsExactly("PERSONAL_DATA_ERASED");
        assertThat(second.kindOf(joined)).containsExactly("UPDATED");
        assertThat(second.kindOf(untouched)).as("a member that did not change").isEmpty();

        Sync third = sync(tablet, unit, second.token());
        assertThat(third.changes()).as("nothing changed since").noneMatch(c -> List.of(stays, leaves, erased, joined)
                .contains(c.get("memberId")));
    }

    @Test
    void aTabletSyncsOnlyUnitsWithinItsReachAndRefusesAnAlteredToken() {
        TestApi bureau = connect();
        TestApi tablet = bureau.as(TestApi.SEGOU_AGENT);
        TestApi.assertRefused(tablet.runText(FEED, Map.of("unit", bureau.unitId("KY-01"))).singleError(),
                "FORBIDDEN", "orgUnitId");
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("unit", bureau.unitId("SG-01"));
        variables.put("since", "pas-un-jeton");
        TestApi.assertRefused(tablet.runText(FEED, variables).singleError(), "INVALID_CURSOR", "since");
    }

    @SuppressWarnings("unchecked")
    private static Sync sync(TestApi tablet, String unit, String since) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String token = since;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("unit", unit);
            variables.put("since", token);
            Map<String, Object> page = tablet.runText(FEED, variables).data("memberChanges");
            changes.addAll((List<Map<String, Object>>) page.get("changes"));
            token = (String) page.get("token");
            more = Boolean.TRUE.equals(page.get("hasMore"));
        }
        return new Sync(changes, token);
    }
}
