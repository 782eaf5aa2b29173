package org.jekafo.query.orgunit;

import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.NATIONAL;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/** The org-units projection and its queries, against the real Elasticsearch, with the tree of {@link OrgUnits}. */
class OrgUnitProjectionTest {

    private OrgUnits orgUnits;

    @BeforeEach
    void freshTree() {
        orgUnits = OrgUnits.withSharedTree();
    }

    private OrgUnitView find(String orgUnitId) {
        OrgUnitView unit = orgUnits.queries().handle(new FindOrgUnitQuery(orgUnitId, null));
        assertThat(unit).isNotNull();
        return unit;
    }

    @Test
    void createdUnitIsFoundByIdWithItsAncestors() {
        assertThat(orgUnits.queries().handle(new FindOrgUnitQuery(SEGOU_05, null))).isEqualTo(new OrgUnitView(
                SEGOU_05, "SG-05", "San", OrgUnitLevel.LOCAL, SEGOU, List.of(NATIONAL, SEGOU), false, 0));
    }

    @Test
    void createdUnitIsFoundByCode() {
        assertThat(orgUnits.queries().handle(new FindOrgUnitQuery(null, "KY-01")))
                .extracting(OrgUnitView::orgUnitId).isEqualTo(KAYES_01);
    }

    @Test
    void unitCreatedLaterJoinsItsRegion() {
        orgUnits.created("ou-ky-02", "KY-02", "Kita", OrgUnitLevel.LOCAL, KAYES);
        orgUnits.refresh();

        assertThat(orgUnits.tree().localUnitIdsUnder(KAYES)).containsExactlyInAnyOrder(KAYES_01, "ou-ky-02");
        assertThat(orgUnits.tree().regionIdOf("ou-ky-02")).isEqualTo(KAYES);
    }

    @Test
    void unitWithTheLongestNameInFourByteCharactersIsIndexed() {
        String longestName = "\uD83A\uDD22".repeat(TextLimit.ORG_UNIT_NAME.max());
        String longestCode = "KAYESXXXXX-XXXXXX";
        orgUnits.created("ou-ky-long", longestCode, longestName, OrgUnitLevel.LOCAL, KAYES);
        orgUnits.refresh();

        assertThat(orgUnits.queries().handle(new FindOrgUnitQuery(null, longestCode)))
                .extracting(OrgUnitView::name).isEqualTo(longestName);
    }

    @Test
    void unknownUnitIsNotFound() {
        assertThat(orgUnits.queries().handle(new FindOrgUnitQuery("ou-nowhere", null))).isNull();
        assertThat(orgUnits.queries().handle(new FindOrgUnitQuery(null, "XX-99"))).isNull();
    }

    @Test
    void renamedUnitHasItsNewName() {
        orgUnits.renamed(SEGOU_05, "San", "San centre");
        orgUnits.refresh();

        assertThat(find(SEGOU_05).name()).isEqualTo("San centre");
        assertThat(find(SEGOU_05).version()).isEqualTo(1);
    }

    @Test
    void movedLocalUnitLiesInItsNewRegion() {
        orgUnits.moved(SEGOU_05, SEGOU, KAYES);
        orgUnits.refresh();

        assertThat(find(SEGOU_05).ancestorIds()).containsExactly(NATIONAL, KAYES);
        assertThat(orgUnits.tree().regionIdOf(SEGOU_05)).isEqualTo(KAYES);
        assertThat(orgUnits.tree().localUnitIdsUnder(KAYES)).containsExactlyInAnyOrder(KAYES_01, SEGOU_05);
    }

    @Test
    void keptTreeShowsAMoveOfThisProcessAtOnce() {
        assertThat(orgUnits.tree().regionIdOf(SEGOU_05)).isEqualTo(SEGOU); // read, and kept

        orgUnits.moved(SEGOU_05, SEGOU, KAYES); // no refresh asked: the projection's write is searchable when announced

        assertThat(orgUnits.tree().regionIdOf(SEGOU_05)).isEqualTo(KAYES);
        assertThat(orgUnits.tree().localUnitIdsUnder(SEGOU)).containsExactly(SEGOU_03);
    }

    @Test
    void keptTreeShowsAMoveByAnotherInstanceOnceItsTimeIsUp() {
        assertThat(orgUnits.tree().regionIdOf(SEGOU_05)).isEqualTo(SEGOU);

        orgUnits.movedByAnotherInstance(SEGOU_05, SEGOU, KAYES);

        await().atMost(OrgUnits.TREE_KEPT.multipliedBy(10))
                .untilAsserted(() -> assertThat(orgUnits.tree().regionIdOf(SEGOU_05)).isEqualTo(KAYES));
    }

    @Test
    void closedUnitIsListedOnlyOnRequest() {
        orgUnits.closed(SEGOU_03);
        orgUnits.refresh();

        assertThat(orgUnits.queries().handle(new FindOrgUnitsQuery(OrgUnitLevel.LOCAL, null, false)).units())
                .extracting(OrgUnitView::orgUnitId).containsExactly(KAYES_01, SEGOU_05);
        assertThat(orgUnits.queries().handle(new FindOrgUnitsQuery(OrgUnitLevel.LOCAL, null, true)).units())
                .extracting(OrgUnitView::orgUnitId).containsExactly(KAYES_01, SEGOU_03, SEGOU_05);
    }

    @Test
    void unitsAreListedByCodeFilteredByParent() {
        assertThat(orgUnits.queries().handle(new FindOrgUnitsQuery(null, SEGOU, false)).units())
                .extracting(OrgUnitView::code).containsExactly("SG-03", "SG-05");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        orgUnits.renamed(SEGOU_05, "San", "San centre");

        EventBatch.handle(() -> {
            orgUnits.projection().on(new OrgUnitCreatedEvent(SEGOU_05, "SG-05", "San", OrgUnitLevel.LOCAL, SEGOU), 0);
            orgUnits.projection().on(new OrgUnitRenamedEvent(SEGOU_05, "San", "San centre"), 1);
        });
        orgUnits.refresh();

        assertThat(find(SEGOU_05).name()).isEqualTo("San centre");
        assertThat(find(SEGOU_05).version()).isEqualTo(1);
    }
}
