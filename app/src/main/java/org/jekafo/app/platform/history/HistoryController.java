package org.jekafo.app.platform.history;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.TypeRuntimeWiring;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.history.AggregateStateView;
import org.jekafo.api.history.FindAggregateStateQuery;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The history of any aggregate by its type and id ({@code Query.aggregateHistory}), and how GraphQL shows an entry:
 * an entry of aggregate type {@code T} is a {@code THistoryEntry} (e.g. {@code MemberHistoryEntry}), the schema type
 * that names {@code T}'s events as an enum. A new aggregate type's history is declared by that schema type, a value of
 * {@code AggregateType} and a rule in its feature's policy; nothing here changes.
 */
@Controller
class HistoryController {

    /** Suffix of the schema type of each aggregate type's entries. */
    static final String ENTRY_TYPE_SUFFIX = "HistoryEntry";

    private final Histories histories;
    private final QueryGateway queries;

    HistoryController(Histories histories, QueryGateway queries) {
        this.histories = histories;
        this.queries = queries;
    }

    /**
     * Any aggregate as it stood at a time or after a sequence number, rebuilt from its events; it passes the gate under
     * its type's history rule, masked on the bus for auditors and administrators and journaled by the request for the
     * fields it renders (it shows personal data as such).
     */
    @QueryMapping
    AggregateStateView aggregateAsOf(@Argument String type, @Argument String id, @Argument Instant at,
                                     @Argument Integer sequence) {
        if (sequence != null && sequence < 0) {
            throw new InvalidInputException("INVALID_INPUT", "sequence", "Un numéro de séquence est positif ou nul.");
        }
        FindAggregateStateQuery query = new FindAggregateStateQuery(type, id, at,
                sequence == null ? null : sequence.longValue());
        return queries.query(GenericMessage.asMessage(query)
                        .andMetaData(PersonalDataDisclosure.journaledByRequest()),
                ResponseTypes.instanceOf(AggregateStateView.class)).join();
    }

    @SchemaMapping(typeName = "AggregateAsOf", field = "type")
    String type(AggregateStateView state) {
        return state.aggregateType();
    }

    @SchemaMapping(typeName = "AggregateAsOf", field = "id")
    String id(AggregateStateView state) {
        return GlobalIds.of(state.aggregateType(), state.aggregateId());
    }

    @QueryMapping
    CompletableFuture<HistoryConnection> aggregateHistory(@Argument String type, @Argument String id,
                                                          DataFetchingEnvironment environment) {
        return histories.page(type, id, environment);
    }

    @Bean
    static RuntimeWiringConfigurer historyEntryTypes() {
        return wiring -> wiring.type(TypeRuntimeWiring.newTypeWiring("HistoryEvent").typeResolver(environment -> {
            HistoryEntryView entry = environment.getObject();
            GraphQLObjectType type = environment.getSchema().getObjectType(entry.aggregateType() + ENTRY_TYPE_SUFFIX);
            if (type == null) {
                throw new IllegalStateException("no schema type " + entry.aggregateType() + ENTRY_TYPE_SUFFIX);
            }
            return type;
        }));
    }
}
