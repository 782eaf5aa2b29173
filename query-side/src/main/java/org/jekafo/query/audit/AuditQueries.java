package org.jekafo.query.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.audit.AuditEntryView;
import org.jekafo.api.audit.AuditFilter;
import org.jekafo.api.audit.AuditPage;
import org.jekafo.api.audit.FindAuditTrailQuery;
import org.jekafo.api.audit.StreamAuditTrailQuery;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.elasticsearch.PointInTimeScan;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitPeriodQueries;
import org.jekafo.query.orgunit.OrgUnitQueries;
import org.jekafo.query.orgunit.SubtreeSpans;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Answers audit queries from the audit index: pages for GraphQL, streams for exports. */
@Component
class AuditQueries {

    static final int MAX_PAGE_SIZE = 500;
    private static final TextLimit TEXT = new TextLimit("text", "Le texte recherché", 200);
    private static final int MAX_EVENT_NAMES = 50;

    private final ElasticsearchClient client;
    private final OrgUnitQueries orgUnits;
    private final OrgUnitPeriodQueries pastTrees;

    AuditQueries(ElasticsearchClient client, OrgUnitQueries orgUnits, OrgUnitPeriodQueries pastTrees) {
        this.client = client;
        this.orgUnits = orgUnits;
        this.pastTrees = pastTrees;
    }

    @QueryHandler
    AuditPage handle(FindAuditTrailQuery query) throws IOException {
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        Query filter = search(query.filter());
        // read backward: the same order reversed, from the cursor towards the start, then put back in order
        SortOrder direction = query.descending() != query.backward() ? SortOrder.Desc : SortOrder.Asc;
        SearchResponse<AuditDocument> response = client.search(s -> {
            s.index(AuditIndex.ALIAS).query(filter).size(size + 1).trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field("position").order(direction)))
                    .sort(o -> o.field(f -> f.field("eventId").order(direction)));
            if (query.afterPosition() != null) {
                s.searchAfter(FieldValue.of(query.afterPosition()),
                        FieldValue.of(java.util.Objects.requireNonNullElse(query.afterEventId(), "")));
            }
            return s;
        }, AuditDocument.class);
        List<AuditDocument> hits = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        boolean hasMore = hits.size() > size;
        List<AuditDocument> page = new ArrayList<>(hasMore ? hits.subList(0, size) : hits);
        if (query.backward()) {
            Collections.reverse(page);
        }
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        return new AuditPage(page.stream().map(AuditDocument::toView).toList(), total, hasMore);
    }

    /** Every matching event in position order, a page at a time as the receiver asks (a streaming query). */
    @QueryHandler
    Flux<AuditEntryView> handle(StreamAuditTrailQuery query) {
        Query filter = search(query.filter());
        return PointInTimeScan.of(client, AuditIndex.ALIAS, filter,
                List.of(SortOptions.of(o -> o.field(f -> f.field("position").order(SortOrder.Asc))),
                        SortOptions.of(o -> o.field(f -> f.field("eventId").order(SortOrder.Asc)))),
                AuditDocument.class, AuditDocument::toView);
    }

    /**
     * Every criterion a filter clause. A unit takes its subtree as it stood at each event's time; the caller's reach,
     * what they may read, the subtree of their unit as the tree stands now.
     */
    Query search(AuditFilter filter) {
        requireBounded(filter);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        term(bool, "aggregateType", filter.aggregateType());
        term(bool, "aggregateId", filter.aggregateId());
        term(bool, "principal", filter.principal());
        term(bool, "role", filter.role());
        term(bool, "channel", filter.channel());
        term(bool, "correlationId", filter.correlationId());
        term(bool, "causationId", filter.causationId());
        if (filter.eventNames() != null && !filter.eventNames().isEmpty()) {
            List<FieldValue> names = filter.eventNames().stream().map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field("eventName").terms(v -> v.value(names))));
        }
        if (filter.orgUnitId() != null) {
            SubtreeSpans subtree = pastTrees.during(filter.from(), filter.to()).subtreeOf(filter.orgUnitId());
            bool.filter(f -> f.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.term(t -> t.field("orgUnitIds").value(filter.orgUnitId())))
                    .should(subtree.matching("orgUnitIds", "occurredAt"))));
        }
        if (filter.reachUnitId() != null) {
            List<String> subtree = orgUnits.tree().subtree(filter.reachUnitId()).stream().map(OrgUnitView::orgUnitId)
                    .toList();
            List<FieldValue> units = (subtree.isEmpty() ? List.of(filter.reachUnitId()) : subtree).stream()
                    .map(FieldValue::of).toList();
            bool.filter(f -> f.terms(t -> t.field("orgUnitIds").terms(v -> v.value(units))));
        }
        if (filter.from() != null || filter.to() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("occurredAt");
                if (filter.from() != null) {
                    u.gte(JsonData.of(filter.from().toString()));
                }
                if (filter.to() != null) {
                    u.lt(JsonData.of(filter.to().toString()));
                }
                return u;
            })));
        }
        String folded = filter.text() == null ? "" : TextFolding.fold(filter.text());
        if (!folded.isBlank()) {
            bool.must(m -> m.match(t -> t.field("summaryFolded").query(folded).operator(Operator.And)));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static void requireBounded(AuditFilter filter) {
        for (String[] value : new String[][]{{"aggregateId", filter.aggregateId()}, {"principal", filter.principal()},
                {"orgUnit", filter.orgUnitId()}, {"reach", filter.reachUnitId()}, {"correlationId", filter.correlationId()},
                {"causationId", filter.causationId()}, {"aggregateType", filter.aggregateType()}}) {
            RefusedQueryException.bounded(value[1], TextLimit.IDENTIFIER.forField(value[0]));
        }
        RefusedQueryException.bounded(filter.text(), TEXT);
        if (filter.eventNames() != null) {
            if (filter.eventNames().size() > MAX_EVENT_NAMES) {
                throw new RefusedQueryException(new org.jekafo.api.common.Refusal(TextLimit.TOO_MANY_VALUES,
                        "eventNames", "Au plus " + MAX_EVENT_NAMES + " noms d'événements."));
            }
            filter.eventNames().forEach(name -> RefusedQueryException.bounded(name,
                    TextLimit.IDENTIFIER.forField("eventNames")));
        }
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }
}
