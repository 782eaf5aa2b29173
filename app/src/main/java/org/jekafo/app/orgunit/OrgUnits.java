package org.jekafo.app.orgunit;

import graphql.GraphQLContext;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitList;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.platform.FeatureApi;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole tree, closed units included, by id: what batch mappings resolve units against. Read once per GraphQL
 * request ({@link #all(GraphQLContext)}), however many members, units and counts the request shows.
 */
@FeatureApi
@Component
public class OrgUnits {

    private final QueryGateway queries;

    OrgUnits(QueryGateway queries) {
        this.queries = queries;
    }

    /** The tree as this request reads it: read at the first use, then shared by every field of the request. */
    public Map<String, OrgUnitView> all(GraphQLContext request) {
        return request.computeIfAbsent(OrgUnits.class, key -> all());
    }

    /** The tree as it is now. */
    public Map<String, OrgUnitView> all() {
        List<OrgUnitView> units = queries.query(new FindOrgUnitsQuery(null, null, true),
                ResponseTypes.instanceOf(OrgUnitList.class)).join().units();
        Map<String, OrgUnitView> byId = new LinkedHashMap<>();
        units.forEach(u -> byId.put(u.orgUnitId(), u));
        return byId;
    }
}
