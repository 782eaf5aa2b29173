package org.jekafo.app.orgunit;

import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.platform.readmodel.ReadBack;
import org.jekafo.app.platform.readmodel.ReadYourWrites;
import org.jekafo.query.orgunit.OrgUnitIndex;
import org.springframework.stereotype.Component;

/** A unit of the tree as the next query will see it once a mutation's events are projected (read your writes). */
@Component
class OrgUnitReadBack extends ReadBack<OrgUnitView> {

    OrgUnitReadBack(ReadYourWrites readYourWrites, OrgUnitIndex index) {
        super(readYourWrites, index, orgUnitId -> new FindOrgUnitQuery(orgUnitId, null), OrgUnitView.class,
                OrgUnitView::version);
    }
}
