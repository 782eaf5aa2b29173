package org.jekafo.query.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;

import java.util.List;

import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.NATIONAL;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/** The tree of {@link OrgUnits}, built in memory for tests that need no Elasticsearch. */
public final class OrgUnitTreeFixture {

    private OrgUnitTreeFixture() {
    }

    public static OrgUnitTree sharedTree() {
        return new OrgUnitTree(List.of(
                unit(NATIONAL, "ML", OrgUnitLevel.NATIONAL, null),
                unit(SEGOU, "SG", OrgUnitLevel.REGIONAL, NATIONAL),
                unit(KAYES, "KY", OrgUnitLevel.REGIONAL, NATIONAL),
                unit(SEGOU_03, "SG-03", OrgUnitLevel.LOCAL, SEGOU),
                unit(SEGOU_05, "SG-05", OrgUnitLevel.LOCAL, SEGOU),
                unit(KAYES_01, "KY-01", OrgUnitLevel.LOCAL, KAYES)));
    }

    private static OrgUnitDocument unit(String id, String code, OrgUnitLevel level, String parentId) {
        OrgUnitDocument document = new OrgUnitDocument();
        document.orgUnitId = id;
        document.code = code;
        document.name = code;
        document.level = level;
        document.parentId = parentId;
        document.version = 0;
        return document;
    }
}
