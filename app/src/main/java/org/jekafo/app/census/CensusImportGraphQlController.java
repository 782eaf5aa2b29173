package org.jekafo.app.census;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.jekafo.app.platform.graphql.NodeKind;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;

/** Where census imports stand: queries, and a subscription that follows one import to its end. */
@Controller
class CensusImportGraphQlController implements NodeKind {

    private static final Duration TICK = Duration.ofMillis(250);

    private final CensusImports imports;

    CensusImportGraphQlController(CensusImports imports) {
        this.imports = imports;
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

    /** Each change of the import's state, its last one (DONE or FAILED) included; nothing for an unknown id. */
    @SubscriptionMapping
    Flux<CensusImportView> censusImportProgress(@Argument String id) {
        return Flux.interval(Duration.ZERO, TICK).onBackpressureDrop()
                .map(tick -> imports.find(id))
                .takeWhile(found -> found.isPresent())
                .map(found -> found.orElseThrow())
                .distinctUntilChanged()
                .takeUntil(view -> view.state().ended());
    }

    @SchemaMapping(typeName = "CensusImport")
    String reportPath(CensusImportView view) {
        return view.state().ended() && view.state() == CensusImportView.State.DONE
                ? "/imports/" + view.id() + "/rejets.csv" : null;
    }
}
