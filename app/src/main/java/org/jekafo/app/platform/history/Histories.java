package org.jekafo.app.platform.history;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.dataloader.DataLoader;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.history.FindHistoryQuery;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.history.HistoryPage;
import org.jekafo.api.history.HistoryPages;
import org.jekafo.api.history.HistorySlice;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.gate.PersonalDataReads;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.PageInfo;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Any aggregate's history as a GraphQL connection (Relay: {@code first}/{@code after}, {@code last}/{@code before}),
 * read from the event store: the field that shows it only names the aggregate type and id
 * ({@code Member.historyEntries}, {@code OrgUnit.history}, {@code Query.aggregateHistory}). Every history a request
 * shows is asked for in one query per aggregate type, whatever the number of members or units on the page (a data
 * loader), and passes the gate under the rule the owning feature declared for that type. A history about people is
 * masked for auditors and administrators on the bus, and the people it shows are journaled under the request's
 * operation.
 */
@Component
public class Histories {

    /** The most entries a page may ask for. */
    static final int MAX_PAGE = 500;

    private static final String LOADER = "histories";

    /** One page of one aggregate's history, as the data loader gathers them. */
    record PageKey(String aggregateType, HistorySlice slice) {
    }

    private final QueryGateway queries;
    private final PrincipalProvider principals;
    private final HistoryCursors cursors;

    Histories(QueryGateway queries, PrincipalProvider principals, HistoryCursors cursors, BatchLoaderRegistry loaders) {
        this.queries = queries;
        this.principals = principals;
        this.cursors = cursors;
        loaders.forTypePair(PageKey.class, HistoryPage.class).withName(LOADER)
                .registerMappedBatchLoader((keys, environment) -> Mono.just(load(keys)));
    }

    /**
     * The page of the history of the aggregate {@code aggregateType}/{@code aggregateId} that the field's arguments
     * ({@code first}, {@code after}, {@code last}, {@code before}) ask for.
     */
    public CompletableFuture<HistoryConnection> page(String aggregateType, String aggregateId,
                                                     DataFetchingEnvironment environment) {
        ActingPrincipal caller = principals.current();
        Integer first = size(environment, "first");
        Integer last = size(environment, "last");
        Long after = cursors.sequence(caller, aggregateType, aggregateId, cursor(environment, "after"), "after");
        Long before = cursors.sequence(caller, aggregateType, aggregateId, cursor(environment, "before"), "before");
        HistorySlice slice = new HistorySlice(aggregateId, after, before,
                first == null && last == null ? Integer.valueOf(PageInfo.DEFAULT_SIZE) : first, last);
        DataLoader<PageKey, HistoryPage> loader = environment.getDataLoader(LOADER);
        return loader.load(new PageKey(aggregateType, slice)).thenApply(page -> {
            if (caller.role().overseer()) {
                PersonalDataReads reads = PersonalDataReads.of(environment.getGraphQlContext());
                page.dataSubjects().forEach(subject -> reads.add(caller, subject,
                        PersonalDataReads.operation(environment)));
            }
            return connection(caller, aggregateType, page);
        });
    }

    private HistoryConnection connection(ActingPrincipal caller, String aggregateType, HistoryPage page) {
        List<HistoryEdge> edges = new ArrayList<>();
        for (HistoryEntryView entry : page.entries()) {
            edges.add(new HistoryEdge(cursors.of(caller, aggregateType, page.aggregateId(), entry.sequence()), entry));
        }
        return new HistoryConnection(edges, PageInfo.of(edges.stream().map(HistoryEdge::cursor).toList(),
                page.hasNextPage(), page.hasPreviousPage()), page.totalCount());
    }

    /** The pages of one request, one query per aggregate type; each passes the gate as the request's caller. */
    private Map<PageKey, HistoryPage> load(Set<PageKey> keys) {
        Map<String, List<PageKey>> byType = new LinkedHashMap<>();
        keys.forEach(key -> byType.computeIfAbsent(key.aggregateType(), type -> new ArrayList<>()).add(key));
        Map<PageKey, HistoryPage> pages = new HashMap<>();
        byType.forEach((type, ofType) -> {
            FindHistoryQuery query = new FindHistoryQuery(type, ofType.stream().map(PageKey::slice).toList());
            List<HistoryPage> answered = queries.query(GenericMessage.asMessage(query)
                            .andMetaData(PersonalDataDisclosure.journaledByRequest()),
                    ResponseTypes.instanceOf(HistoryPages.class)).join().pages();
            for (int i = 0; i < ofType.size(); i++) {
                pages.put(ofType.get(i), answered.get(i));
            }
        });
        return pages;
    }

    private static Integer size(DataFetchingEnvironment environment, String argument) {
        Integer size = environment.getArgument(argument);
        if (size != null && (size < 0 || size > MAX_PAGE)) {
            throw new InvalidInputException("INVALID_INPUT", argument, "Une page d'historique compte de 0 à "
                    + MAX_PAGE + " événements.");
        }
        return size;
    }

    private static String cursor(DataFetchingEnvironment environment, String argument) {
        return InvalidInputException.bounded(environment.getArgument(argument), TextLimit.CURSOR);
    }
}
