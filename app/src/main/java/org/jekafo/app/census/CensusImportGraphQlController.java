package org.jekafo.app.census;

import org.jekafo.api.census.CensusImportView;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.census.FindCensusImportQuery;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.readmodel.Announcements;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.jekafo.app.platform.graphql.NodeKind;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Where census imports stand: queries, and a subscription that follows one import to its end — from whichever
 * instance runs it: the import is kept by the instance that received it, which announces each step to those who
 * follow it ({@link FindCensusImportQuery} as an Axon subscription query).
 */
@Controller
class CensusImportGraphQlController implements NodeKind {

    /** How long the instances have to say which of them runs an import, when the one first asked does not. */
    private static final Duration ASK_ALL = Duration.ofSeconds(2);

    private final CensusImports imports;
    private final Announcements announcements;
    private final QueryGateway queries;
    private final PrincipalProvider principals;

    CensusImportGraphQlController(CensusImports imports, Announcements announcements, QueryGateway queries,
                                  PrincipalProvider principals) {
        this.imports = imports;
        this.announcements = announcements;
        this.queries = queries;
        this.principals = principals;
    }

    @Override
    public String typeName() {
        return "CensusImport";
    }

    @Override
    public String readBy() {
        return "Query.censusImport";
    }

    @Override
    public Class<?> representedBy() {
        return CensusImportView.class;
    }

    @Override
    public CensusImportView load(String identifier, DataFetchingEnvironment environment) {
        return censusImport(identifier);
    }

    @QueryMapping
    CensusImportView censusImport(@Argument String id) {
        return imports.find(id).orElse(null);
    }

    @QueryMapping
    List<CensusImportView> censusImports() {
        return imports.all();
    }

    /**
     * The import now, then each change of its state, its last one (DONE or FAILED) included; nothing for an import
     * that no instance runs.
     */
    @SubscriptionMapping
    Flux<CensusImportView> censusImportProgress(@Argument String id, DataFetchingEnvironment environment) {
        FindCensusImportQuery query = new FindCensusImportQuery(id);
        Map<String, Object> asCaller = principals.of(environment.getGraphQlContext()).metaData();
        return announcements.follow(query, CensusImportView.class, CensusImportView.class, asCaller,
                (initial, changes) -> Mono.justOrEmpty(initial).switchIfEmpty(runningElsewhere(query, asCaller))
                        .flatMapMany(now -> Flux.just(now).concatWith(changes))
                        .distinctUntilChanged()
                        .takeUntil(view -> view.state().ended()));
    }

    /**
     * The import as the instance running it answers, when the instance the subscription's own question reached runs
     * another one: every instance is asked (a scatter-gather, within {@link #ASK_ALL}).
     */
    private Mono<CensusImportView> runningElsewhere(FindCensusImportQuery query, Map<String, Object> asCaller) {
        return Mono.fromCallable(() -> queries.scatterGather(GenericMessage.asMessage(query).andMetaData(asCaller),
                        ResponseTypes.instanceOf(CensusImportView.class), ASK_ALL.toMillis(), TimeUnit.MILLISECONDS)
                        .filter(Objects::nonNull).findFirst().orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @SchemaMapping(typeName = "CensusImport")
    String reportPath(CensusImportView view) {
        return view.state().ended() && view.state() == CensusImportView.State.DONE
                ? "/imports/" + view.id() + "/rejets.csv" : null;
    }
}
