package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.CardNumbers;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.FindMemberChangesQuery;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.MemberChanges;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberOrder;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberPosition;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.membership.StreamMembersQuery;
import org.jekafo.query.elasticsearch.PointInTimeScan;
import co.elastic.clients.elasticsearch._types.SortOptions;
import reactor.core.publisher.Flux;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitQueries;
import org.jekafo.query.orgunit.OrgUnitTree;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Answers member queries from the members index. */
@Component
class MemberQueries {

    static final int MAX_PAGE_SIZE = 500;

    private final ElasticsearchClient client;
    private final OrgUnitQueries orgUnits;

    MemberQueries(ElasticsearchClient client, OrgUnitQueries orgUnits) {
        this.client = client;
        this.orgUnits = orgUnits;
    }

    /** The member, or null when there is none (Axon answers an {@code instanceOf} query with null). */
    @QueryHandler
    MemberView handle(FindMemberQuery query) throws IOException {
        RefusedQueryException.bounded(query.memberId(), TextLimit.IDENTIFIER);
        RefusedQueryException.bounded(query.cardNumber(), TextLimit.CARD_NUMBER);
        MemberDocument document;
        if (query.memberId() != null) {
            var response = client.get(g -> g.index(MemberIndex.ALIAS).id(query.memberId()), MemberDocument.class);
            document = response.found() ? response.source() : null;
        } else {
            String card = Objects.requireNonNullElse(CardNumbers.normalized(query.cardNumber()), "");
            var response = client.search(s -> s.index(MemberIndex.ALIAS).size(1)
                    .query(q -> q.term(t -> t.field("cardNumber").value(card))), MemberDocument.class);
            document = response.hits().hits().stream().map(Hit::source).findFirst().orElse(null);
        }
        return document == null ? null : document.toView(orgUnits.tree().regionIdOf(document.localUnitId));
    }

    @QueryHandler
    MemberPage handle(FindMembersQuery query) throws IOException {
        OrgUnitTree tree = orgUnits.tree();
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        Query filter = MemberSearchQuery.of(query.filter(), tree);
        MemberPosition after = query.after();
        String field = sortField(query.order().field());
        // read backward: the same order reversed, from the cursor towards the start, then put back in order
        SortOrder direction = query.order().descending() != query.backward() ? SortOrder.Desc : SortOrder.Asc;
        SearchResponse<MemberDocument> response = client.search(s -> {
            s.index(MemberIndex.ALIAS).query(filter).size(size + 1).trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field(field).order(direction)))
                    .sort(o -> o.field(f -> f.field("memberId").order(direction)));
            if (after != null) {
                s.searchAfter(sortValue(query.order().field(), after.sortName()),
                        FieldValue.of(Objects.requireNonNullElse(after.memberId(), "")));
            }
            return s;
        }, MemberDocument.class);
        List<MemberDocument> hits = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        boolean hasMore = hits.size() > size;
        List<MemberDocument> page = new ArrayList<>(hasMore ? hits.subList(0, size) : hits);
        if (query.backward()) {
            java.util.Collections.reverse(page);
        }
        long total = response.hits().total() == null ? page.size() : response.hits().total().value();
        return new MemberPage(page.stream().map(d -> d.toView(tree.regionIdOf(d.localUnitId))).toList(),
                page.stream().map(d -> new MemberPosition(sortKey(query.order().field(), d), d.memberId)).toList(),
                total, hasMore);
    }

    /** Every matching member by card number, a page at a time as the receiver asks (a streaming query). */
    @QueryHandler
    Flux<MemberView> handle(StreamMembersQuery query) {
        OrgUnitTree tree = orgUnits.tree();
        return PointInTimeScan.of(client, MemberIndex.ALIAS, MemberSearchQuery.of(query.filter(), tree),
                List.of(SortOptions.of(o -> o.field(f -> f.field("cardNumber").order(SortOrder.Asc))),
                        SortOptions.of(o -> o.field(f -> f.field("memberId").order(SortOrder.Asc)))),
                MemberDocument.class, d -> d.toView(tree.regionIdOf(d.localUnitId)));
    }

    private static String sortField(MemberOrder.Field field) {
        return switch (field) {
            case NAME -> "sortName";
            case CARD_NUMBER -> "cardNumber";
            case ENROLLED_ON -> "enrolledOn";
        };
    }

    private static String sortKey(MemberOrder.Field field, MemberDocument document) {
        return switch (field) {
            case NAME -> document.sortName;
            case CARD_NUMBER -> document.cardNumber;
            case ENROLLED_ON -> document.enrolledOn == null ? null : document.enrolledOn.toString();
        };
    }

    /** A position's sort value as Elasticsearch compares it (a date as its epoch milliseconds). */
    private static FieldValue sortValue(MemberOrder.Field field, String key) {
        if (field == MemberOrder.Field.ENROLLED_ON) {
            try {
                return FieldValue.of(java.time.LocalDate.parse(key).atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant().toEpochMilli());
            } catch (RuntimeException notADate) {
                throw new RefusedQueryException(new org.jekafo.api.common.Refusal("INVALID_CURSOR", "after",
                        "Ce curseur de pagination n'est pas valide."));
            }
        }
        return FieldValue.of(Objects.requireNonNullElse(key, ""));
    }

    /**
     * The changes feed of a subtree: members in it now or before, ordered by the position of their last event
     * (members projected before positions were recorded come first, as if at the very beginning).
     */
    @QueryHandler
    MemberChanges handle(FindMemberChangesQuery query) throws IOException {
        RefusedQueryException.bounded(query.orgUnitId(), TextLimit.IDENTIFIER.forField("orgUnitId"));
        OrgUnitTree tree = orgUnits.tree();
        List<String> units = tree.localUnitIdsUnder(query.orgUnitId());
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        if (units.isEmpty()) {
            return new MemberChanges(List.of(), false);
        }
        List<FieldValue> unitValues = units.stream().map(FieldValue::of).toList();
        SearchResponse<MemberDocument> response = client.search(s -> s.index(MemberIndex.ALIAS).size(size + 1)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.bool(in -> in.minimumShouldMatch("1")
                                .should(u -> u.terms(t -> t.field("localUnitId").terms(v -> v.value(unitValues))))
                                .should(u -> u.terms(t -> t.field("formerLocalUnitIds").terms(v -> v.value(unitValues))))))
                        .filter(f -> f.bool(upTo -> upTo.minimumShouldMatch("1")
                                .should(u -> u.range(r -> r.untyped(n -> n.field("position")
                                        .lte(JsonData.of(query.upToPosition())))))
                                .should(u -> u.bool(none -> none.mustNot(m -> m.exists(e -> e.field("position")))))))))
                .sort(o -> o.field(f -> f.field("position").order(SortOrder.Asc).missing("_first")))
                .sort(o -> o.field(f -> f.field("memberId").order(SortOrder.Asc)))
                .searchAfter(FieldValue.of(query.afterPosition()), FieldValue.of(Objects.requireNonNullElse(
                        query.afterMemberId(), ""))), MemberDocument.class);
        List<MemberDocument> hits = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
        boolean hasMore = hits.size() > size;
        List<MemberChanges.MemberChange> changes = (hasMore ? hits.subList(0, size) : hits).stream()
                .map(d -> new MemberChanges.MemberChange(d.memberId, d.position == null ? Long.MIN_VALUE : d.position,
                        units.contains(d.localUnitId) ? d.toView(tree.regionIdOf(d.localUnitId)) : null))
                .toList();
        return new MemberChanges(changes, hasMore);
    }

    @QueryHandler
    MemberCounts handle(CountMembersQuery query) throws IOException {
        OrgUnitTree tree = orgUnits.tree();
        SearchResponse<Void> response = client.search(s -> s.index(MemberIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(MemberSearchQuery.of(query.filter(), tree))
                .aggregations("gender", terms("gender", 10))
                .aggregations("localUnit", terms("localUnitId", 10_000))
                .aggregations("trade", terms("trades", 1_000))
                .aggregations("status", terms("status", 10)), Void.class);
        List<CountBucket> byLocalUnit = buckets(response, "localUnit");
        List<CountBucket> regions = tree.byRegion(byLocalUnit);
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new MemberCounts(total, buckets(response, "gender"), regions, byLocalUnit, buckets(response, "trade"),
                buckets(response, "status"));
    }

    private static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
    }

    private static List<CountBucket> buckets(SearchResponse<Void> response, String name) {
        return response.aggregations().get(name).sterms().buckets().array().stream()
                .map(b -> new CountBucket(bucketKey(b), b.docCount())).toList();
    }

    private static String bucketKey(StringTermsBucket bucket) {
        return bucket.key().stringValue();
    }
}
