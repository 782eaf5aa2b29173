package org.jekafo.query.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree resolved from org-unit documents, without Elasticsearch:
 * <pre>
 *   ML (national)
 *   ├── SG (region) ── SG-03, SG-05 (local)
 *   ├── KY (region) ── KY-01 (local)
 *   └── TB (region, no local unit yet)
 * </pre>
 */
class OrgUnitTreeTest {

    private static final String ML = "ou-ml";
    private static final String SG = "ou-sg";
    private static final String KY = "ou-ky";
    private static final String TB = "ou-tb";
    private static final String SG_03 = "ou-sg-03";
    private static final String SG_05 = "ou-sg-05";
    private static final String KY_01 = "ou-ky-01";

    private static OrgUnitDocument unit(String id, OrgUnitLevel level, String parentId) {
        OrgUnitDocument document = new OrgUnitDocument();
        document.orgUnitId = id;
        document.code = id.substring(3).toUpperCase();
        document.name = "Unité " + document.code;
        document.level = level;
        document.parentId = parentId;
        document.version = 0;
        return document;
    }

    private static final List<OrgUnitDocument> FEDERATION = List.of(
            unit(ML, OrgUnitLevel.NATIONAL, null),
            unit(SG, OrgUnitLevel.REGIONAL, ML),
            unit(KY, OrgUnitLevel.REGIONAL, ML),
            unit(TB, OrgUnitLevel.REGIONAL, ML),
            unit(SG_03, OrgUnitLevel.LOCAL, SG),
            unit(SG_05, OrgUnitLevel.LOCAL, SG),
            unit(KY_01, OrgUnitLevel.LOCAL, KY));

    private final OrgUnitTree tree = new OrgUnitTree(FEDERATION);

    private static List<String> ids(List<OrgUnitView> units) {
        return units.stream().map(OrgUnitView::orgUnitId).toList();
    }

    @Test
    void subtreeOfARegionHoldsTheRegionAndItsLocalUnits() {
        assertThat(ids(tree.subtree(SG))).containsExactly(SG, SG_03, SG_05);
    }

    @Test
    void subtreeOfTheNationalRootHoldsEveryUnit() {
        assertThat(ids(tree.subtree(ML))).containsExactlyInAnyOrder(ML, SG, KY, TB, SG_03, SG_05, KY_01);
    }

    @Test
    void subtreeOfALocalUnitIsTheUnitAlone() {
        assertThat(ids(tree.subtree(KY_01))).containsExactly(KY_01);
    }

    @Test
    void subtreeOfAnUnknownUnitIsEmpty() {
        assertThat(tree.subtree("ou-nowhere")).isEmpty();
    }

    @Test
    void localUnitsUnderARegionAreItsLocalUnitsOnly() {
        assertThat(tree.localUnitIdsUnder(SG)).containsExactly(SG_03, SG_05);
    }

    @Test
    void localUnitsUnderTheNationalRootAreEveryLocalUnit() {
        assertThat(tree.localUnitIdsUnder(ML)).containsExactlyInAnyOrder(SG_03, SG_05, KY_01);
    }

    @Test
    void localUnitsUnderALocalUnitAreTheUnitItself() {
        assertThat(tree.localUnitIdsUnder(SG_05)).containsExactly(SG_05);
    }

    @Test
    void localUnitsUnderARegionWithoutLocalUnitsAreNone() {
        assertThat(tree.localUnitIdsUnder(TB)).isEmpty();
    }

    @Test
    void localUnitsUnderAnUnknownUnitAreNone() {
        assertThat(tree.localUnitIdsUnder("ou-nowhere")).isEmpty();
    }

    @Test
    void regionOfALocalUnitIsItsParentRegion() {
        assertThat(tree.regionIdOf(SG_03)).isEqualTo(SG);
        assertThat(tree.regionIdOf(KY_01)).isEqualTo(KY);
    }

    @Test
    void regionOfARegionIsTheRegionItself() {
        assertThat(tree.regionIdOf(KY)).isEqualTo(KY);
    }

    @Test
    void nationalRootLiesInNoRegion() {
        assertThat(tree.regionIdOf(ML)).isNull();
    }

    @Test
    void unknownUnitLiesInNoRegion() {
        assertThat(tree.regionIdOf("ou-nowhere")).isNull();
        assertThat(tree.regionIdOf(null)).isNull();
    }

    @Test
    void ancestorsRunFromTheNationalRootToTheParent() {
        assertThat(tree.find(SG_05)).hasValueSatisfying(unit -> assertThat(unit.ancestorIds()).containsExactly(ML, SG));
        assertThat(tree.find(SG)).hasValueSatisfying(unit -> assertThat(unit.ancestorIds()).containsExactly(ML));
    }

    @Test
    void nationalRootHasNoAncestors() {
        assertThat(tree.find(ML)).hasValueSatisfying(unit -> assertThat(unit.ancestorIds()).isEmpty());
    }

    @Test
    void unitsListedBeforeTheirParentsStillGetTheirAncestorsAndRegion() {
        List<OrgUnitDocument> childrenFirst = new ArrayList<>(FEDERATION);
        Collections.reverse(childrenFirst);

        OrgUnitTree reversed = new OrgUnitTree(childrenFirst);

        assertThat(reversed.find(KY_01)).hasValueSatisfying(unit ->
                assertThat(unit.ancestorIds()).containsExactly(ML, KY));
        assertThat(reversed.regionIdOf(KY_01)).isEqualTo(KY);
        assertThat(reversed.localUnitIdsUnder(SG)).containsExactlyInAnyOrder(SG_03, SG_05);
    }

    @Test
    void viewCarriesTheDocumentsFields() {
        OrgUnitDocument closed = unit("ou-sg-09", OrgUnitLevel.LOCAL, SG);
        closed.closed = true;
        closed.version = 3;

        OrgUnitTree withClosed = new OrgUnitTree(List.of(unit(ML, OrgUnitLevel.NATIONAL, null),
                unit(SG, OrgUnitLevel.REGIONAL, ML), closed));

        assertThat(withClosed.find("ou-sg-09")).contains(new OrgUnitView("ou-sg-09", "SG-09", "Unité SG-09",
                OrgUnitLevel.LOCAL, SG, List.of(ML, SG), true, 3));
    }

    @Test
    void unitWhoseParentIsMissingHasOnlyTheAncestorsThatAreKnown() {
        OrgUnitTree partial = new OrgUnitTree(List.of(unit(SG_03, OrgUnitLevel.LOCAL, SG)));

        assertThat(partial.find(SG_03)).hasValueSatisfying(unit -> assertThat(unit.ancestorIds()).isEmpty());
        assertThat(partial.regionIdOf(SG_03)).isNull();
    }
}
