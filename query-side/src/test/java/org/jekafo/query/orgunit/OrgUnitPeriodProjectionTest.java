package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;
import org.jekafo.query.orgunit.SubtreeSpans.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.NATIONAL;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;
import static org.jekafo.query.orgunit.OrgUnits.TREE_CREATED;

/**
 * The org-unit period projection and the trees of the past, against the real Elasticsearch and without Spring, on the
 * tree of {@link OrgUnits} (created on 2020-01-01): San (SG-05) is moved from Ségou to Kayes on 2024-04-20, Kita
 * (KY-02) created in Kayes on 2024-05-05.
 */
class OrgUnitPeriodProjectionTest {

    private static final Instant MARCH_10 = Instant.parse("2024-03-10T09:00:00Z");
    private static final Instant APRIL_20 = Instant.parse("2024-04-20T11:30:00.000000001Z");
    private static final Instant MAY_5 = Instant.parse("2024-05-05T08:00:00Z");
    private static final Instant JUNE_1 = Instant.parse("2024-06-01T00:00:00Z");
    private static final String KITA = "ou-ky-02";

    private final ElasticsearchClient client = TestElasticsearch.client();
    private OrgUnits orgUnits;

    @BeforeEach
    void sanMovesToKayesAndKitaIsCreated() {
        orgUnits = OrgUnits.withSharedTree();
        orgUnits.moved(SEGOU_05, SEGOU, KAYES, APRIL_20);
        orgUnits.created(KITA, "KY-02", "Kita", OrgUnitLevel.LOCAL, KAYES, MAY_5);
        orgUnits.refresh();
    }

    private OrgUnitTree at(Instant at) {
        return orgUnits.pastTrees().treeAt(at);
    }

    @Test
    void aMovedUnitLiesInItsOldRegionUntilTheMoveAndInTheNewOneFromIt() {
        assertThat(at(APRIL_20.minusNanos(1)).regionIdOf(SEGOU_05)).isEqualTo(SEGOU);
        assertThat(at(APRIL_20.minusNanos(1)).localUnitIdsUnder(SEGOU)).containsExactlyInAnyOrder(SEGOU_03, SEGOU_05);
        assertThat(at(APRIL_20).regionIdOf(SEGOU_05)).isEqualTo(KAYES);
        assertThat(at(APRIL_20).localUnitIdsUnder(SEGOU)).containsExactly(SEGOU_03);
        assertThat(at(APRIL_20).find(SEGOU_05)).map(OrgUnitView::ancestorIds).contains(java.util.List.of(NATIONAL,
                KAYES));
    }

    @Test
    void aUnitCreatedLaterIsAbsentFromTheTreeBefore() {
        assertThat(at(MAY_5.minusNanos(1)).find(KITA)).isEmpty();
        assertThat(at(MAY_5.minusNanos(1)).localUnitIdsUnder(KAYES)).containsExactlyInAnyOrder(KAYES_01, SEGOU_05);
        assertThat(at(MAY_5).localUnitIdsUnder(KAYES)).containsExactlyInAnyOrder(KAYES_01, SEGOU_05, KITA);
        assertThat(at(TREE_CREATED.minusNanos(1)).all()).isEmpty();
    }

    @Test
    void aRenameAndAClosureChangeTheUnitFromTheirTimes() {
        orgUnits.renamed(SEGOU_03, "Ségou commune III", "Ségou centre", MAY_5);
        orgUnits.closed(SEGOU_03, JUNE_1);
        orgUnits.refresh();

        assertThat(at(MAY_5.minusNanos(1)).find(SEGOU_03)).map(OrgUnitView::name).contains("Ségou commune III");
        assertThat(at(MAY_5).find(SEGOU_03)).map(OrgUnitView::name).contains("Ségou centre");
        assertThat(at(MAY_5).find(SEGOU_03)).map(OrgUnitView::closed).contains(false);
        assertThat(at(JUNE_1).find(SEGOU_03)).map(OrgUnitView::closed).contains(true);
        assertThat(orgUnits.tree().find(SEGOU_03)).map(OrgUnitView::name).contains("Ségou centre");
    }

    @Test
    void aPeriodThisProcessWritesIsSeenAtOnceByTheTreesOfThePastReadBefore() {
        assertThat(at(JUNE_1).find(SEGOU_03)).map(OrgUnitView::closed).contains(false); // read, and kept

        orgUnits.closed(SEGOU_03, JUNE_1); // announced by the projection: no refresh, no waiting

        assertThat(at(JUNE_1).find(SEGOU_03)).map(OrgUnitView::closed).contains(true);
        assertThat(at(JUNE_1.minusNanos(1)).find(SEGOU_03)).map(OrgUnitView::closed).contains(false);
    }

    @Test
    void aPeriodAnotherInstanceWritesIsSeenOnceThePeriodsKeptHereAreTooOld() {
        assertThat(at(JUNE_1).regionIdOf(KAYES_01)).isEqualTo(KAYES); // read, and kept

        orgUnits.movedByAnotherInstance(KAYES_01, KAYES, SEGOU, JUNE_1);

        await().atMost(OrgUnits.TREE_KEPT.multipliedBy(10))
                .untilAsserted(() -> assertThat(at(JUNE_1).regionIdOf(KAYES_01)).isEqualTo(SEGOU));
        assertThat(at(JUNE_1.minusNanos(1)).regionIdOf(KAYES_01)).isEqualTo(KAYES);
    }

    @Test
    void aRedeliveredOrReplayedEventOpensNoSecondPeriod() throws IOException {
        long before = periods();

        EventBatch.handle(() -> orgUnits.periodProjection().on(new OrgUnitMovedEvent(SEGOU_05, SEGOU, KAYES), 1,
                APRIL_20));
        EventBatch.replay(() -> orgUnits.periodProjection().on(new OrgUnitCreatedEvent(SEGOU_05, "SG-05", "San",
                OrgUnitLevel.LOCAL, SEGOU), 0, TREE_CREATED));
        orgUnits.refresh();

        assertThat(before).isEqualTo(6 + 1 + 1);
        assertThat(periods()).isEqualTo(before);
        assertThat(at(APRIL_20).regionIdOf(SEGOU_05)).isEqualTo(KAYES);
        assertThat(at(MARCH_10).regionIdOf(SEGOU_05)).isEqualTo(SEGOU);
    }

    @Test
    void overAWindowAcrossTheMoveTheMovedUnitIsUnderEachRegionForItsPart() {
        OrgUnitPeriods periods = orgUnits.pastTrees().during(MARCH_10, JUNE_1);

        SubtreeSpans segou = periods.subtreeOf(SEGOU);
        SubtreeSpans kayes = periods.subtreeOf(KAYES);

        assertThat(segou.throughout()).containsExactlyInAnyOrder(SEGOU, SEGOU_03);
        assertThat(segou.spans()).contains(new Span(SEGOU_05, MARCH_10, APRIL_20));
        assertThat(kayes.throughout()).containsExactlyInAnyOrder(KAYES, KAYES_01, KITA);
        assertThat(kayes.spans()).contains(new Span(SEGOU_05, APRIL_20, JUNE_1));
        assertThat(segou.holds(SEGOU_05, APRIL_20.minusNanos(1))).isTrue();
        assertThat(segou.holds(SEGOU_05, APRIL_20)).isFalse();
        assertThat(kayes.holds(SEGOU_05, APRIL_20)).isTrue();
    }

    @Test
    void overAWindowWithoutAMoveEveryUnitIsUnderItsRegionThroughout() {
        OrgUnitPeriods periods = orgUnits.pastTrees().during(APRIL_20, null);

        assertThat(periods.subtreeOf(KAYES).throughout()).containsExactlyInAnyOrder(KAYES, KAYES_01, SEGOU_05, KITA);
        assertThat(periods.subtreeOf(KAYES).spans()).hasSize(4);
        assertThat(periods.subtreeOf(SEGOU).throughout()).containsExactlyInAnyOrder(SEGOU, SEGOU_03);
        assertThat(orgUnits.pastTrees().during(null, null).subtreeOf(NATIONAL).throughout()).hasSize(7);
        assertThat(orgUnits.pastTrees().during(null, null).subtreeOf(SEGOU).spans())
                .contains(new Span(SEGOU_05, null, APRIL_20));
    }

    private long periods() throws IOException {
        return client.count(c -> c.index(OrgUnitPeriodIndex.ALIAS)).count();
    }
}
