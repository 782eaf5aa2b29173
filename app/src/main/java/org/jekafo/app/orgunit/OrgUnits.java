package org.jekafo.app.orgunit;

import graphql.GraphQLContext;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitList;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.platform.FeatureApi;
import org.springframework.stereotype.Component;

import java.util.Collections;
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
    private volatile ById byId;

    OrgUnits(QueryGateway queries) {
        this.queries = queries;
    }

    /** The tree as this request reads it: read at the first use, then shared by every field of the request. */
    public Map<String, OrgUnitView> all(GraphQLContext request) {
        return request.computeIfAbsent(OrgUnits.class, key -> all());
    }

    /**
     * The tree as it is now, by id, ordered by code. The map built from a list is kept while the queries answer with
     * that same list (the tree they keep has not changed): a request that shows a unit then reads no more than a
     * reference.
     */
    public Map<String, OrgUnitView> all() {
        List<OrgUnitView> units = queries.query(new FindOrgUnitsQuery(null, null, true),
                ResponseTypes.instanceOf(OrgUnitList.class)).join().units();
        ById current = byId;
        if (current != null && current.units() == units) {
            return current.map();
        }
        Map<String, OrgUnitView> map = new LinkedHashMap<>();
        units.forEach(u -> map.put(u.orgUnitId(), u));
        current = new ById(units, Collections.unmodifiableMap(map));
        byId = current;
        return current.map();
    }

    private record ById(List<OrgUnitView> units, Map<String, OrgUnitView> map) {
    }
}
