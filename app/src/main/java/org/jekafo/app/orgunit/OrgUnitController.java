package org.jekafo.app.orgunit;

import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.Mutations;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.orgunit.CloseOrgUnitCommand;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.MoveOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitAggregates;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitList;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.api.orgunit.RenameOrgUnitCommand;
import org.jekafo.app.orgunit.OrgUnitInputs.CloseOrgUnitInput;
import org.jekafo.app.orgunit.OrgUnitInputs.CreateOrgUnitInput;
import org.jekafo.app.orgunit.OrgUnitInputs.MoveOrgUnitInput;
import org.jekafo.app.orgunit.OrgUnitInputs.RenameOrgUnitInput;
import org.jekafo.app.platform.history.Histories;
import org.jekafo.app.platform.history.HistoryConnection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import org.jekafo.app.platform.graphql.NodeKind;
import graphql.schema.DataFetchingEnvironment;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The federation's tree over GraphQL. */
@Controller
class OrgUnitController implements NodeKind {

    private final QueryGateway queries;
    private final Mutations mutations;
    private final OrgUnitReadBack readBack;
    private final OrgUnits orgUnits;
    private final Histories histories;

    OrgUnitController(QueryGateway queries, Mutations mutations, OrgUnitReadBack readBack, OrgUnits orgUnits,
                      Histories histories) {
        this.histories = histories;
        this.queries = queries;
        this.mutations = mutations;
        this.readBack = readBack;
        this.orgUnits = orgUnits;
    }

    record OrgUnitPayload(String clientMutationId, String orgUnitId, OrgUnitView orgUnit) {
    }

    @Override
    public String typeName() {
        return "OrgUnit";
    }

    @Override
    public String readBy() {
        return "Query.orgUnit";
    }

    @Override
    public Class<?> representedBy() {
        return OrgUnitView.class;
    }

    @Override
    public OrgUnitView load(String identifier, DataFetchingEnvironment environment) {
        return orgUnit(identifier, null);
    }

    @QueryMapping
    OrgUnitView orgUnit(@Argument String id, @Argument String code) {
        if (id == null && code == null) {
            throw new InvalidInputException("INVALID_INPUT", "id", "Indiquez l'identifiant ou le code de l'unité.");
        }
        return queries.query(new FindOrgUnitQuery(id, code), ResponseTypes.instanceOf(OrgUnitView.class)).join();
    }

    @QueryMapping
    List<OrgUnitView> orgUnits(@Argument OrgUnitLevel level, @Argument String parentId, @Argument boolean includeClosed) {
        return queries.query(new FindOrgUnitsQuery(level, parentId, includeClosed),
                ResponseTypes.instanceOf(OrgUnitList.class)).join().units();
    }

    @SchemaMapping(typeName = "OrgUnit")
    String id(OrgUnitView unit) {
        return unit.orgUnitId();
    }

    @BatchMapping(typeName = "OrgUnit")
    Map<OrgUnitView, OrgUnitView> parent(List<OrgUnitView> units, GraphQLContext request) {
        Map<String, OrgUnitView> all = orgUnits.all(request);
        Map<OrgUnitView, OrgUnitView> result = new LinkedHashMap<>();
        units.stream().filter(u -> u.parentId() != null && all.containsKey(u.parentId()))
                .forEach(u -> result.put(u, all.get(u.parentId())));
        return result;
    }

    @BatchMapping(typeName = "OrgUnit")
    Map<OrgUnitView, List<OrgUnitView>> children(List<OrgUnitView> units, GraphQLContext request) {
        Map<String, OrgUnitView> all = orgUnits.all(request);
        Map<OrgUnitView, List<OrgUnitView>> result = new LinkedHashMap<>();
        units.forEach(u -> result.put(u, all.values().stream()
                .filter(c -> u.orgUnitId().equals(c.parentId()) && !c.closed())
                .sorted(Comparator.comparing(OrgUnitView::code)).toList()));
        return result;
    }

    /** A page of the unit's history; the histories of every unit a request shows are read in one query. */
    @SchemaMapping(typeName = "OrgUnit")
    CompletableFuture<HistoryConnection> history(OrgUnitView unit, DataFetchingEnvironment environment) {
        return histories.page(OrgUnitAggregates.ORG_UNIT, unit.orgUnitId(), environment);
    }

    @MutationMapping
    OrgUnitPayload createOrgUnit(@Argument CreateOrgUnitInput input) {
        String id = mutations.send(new CreateOrgUnitCommand(IdentifierFactory.getInstance().generateIdentifier(), input.code(), input.name(),
                input.level(), input.parentId()), input);
        return new OrgUnitPayload(input.clientMutationId(), id, readBack.of(id));
    }

    @MutationMapping
    OrgUnitPayload renameOrgUnit(@Argument RenameOrgUnitInput input) {
        mutations.send(new RenameOrgUnitCommand(input.orgUnitId(), input.name()), input);
        return new OrgUnitPayload(input.clientMutationId(), input.orgUnitId(), readBack.of(input.orgUnitId()));
    }

    @MutationMapping
    OrgUnitPayload moveOrgUnit(@Argument MoveOrgUnitInput input) {
        mutations.send(new MoveOrgUnitCommand(input.orgUnitId(), input.newParentId()), input);
        return new OrgUnitPayload(input.clientMutationId(), input.orgUnitId(), readBack.of(input.orgUnitId()));
    }

    @MutationMapping
    OrgUnitPayload closeOrgUnit(@Argument CloseOrgUnitInput input) {
        mutations.send(new CloseOrgUnitCommand(input.orgUnitId(), input.reason()), input);
        return new OrgUnitPayload(input.clientMutationId(), input.orgUnitId(), readBack.of(input.orgUnitId()));
    }
}
