package org.jekafo.app.graphql;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitView;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole tree, closed units included, by id: what batch mappings resolve units against. */
@Component
class OrgUnits {

    private final QueryGateway queries;

    OrgUnits(QueryGateway queries) {
        this.queries = queries;
    }

    Map<String, OrgUnitView> all() {
        List<OrgUnitView> units = queries.query(new FindOrgUnitsQuery(null, null, true),
                ResponseTypes.multipleInstancesOf(OrgUnitView.class)).join();
        Map<String, OrgUnitView> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.orgUnitId(), u));
        return byId;
    }
}
