package org.jekafo.app.platform.history;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.TypeRuntimeWiring;
import org.jekafo.api.history.HistoryEntryView;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

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

    HistoryController(Histories histories) {
        this.histories = histories;
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
