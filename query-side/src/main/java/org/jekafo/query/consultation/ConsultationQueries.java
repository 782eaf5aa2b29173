package org.jekafo.query.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.consultation.CheckReceiptQuery;
import org.jekafo.api.consultation.ConsultationFilter;
import org.jekafo.api.consultation.ConsultationPage;
import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindConsultationsQuery;
import org.jekafo.api.consultation.FindMemberParticipationQuery;
import org.jekafo.api.consultation.FindPublishedBallotsQuery;
import org.jekafo.api.consultation.FindRecommendationsQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.MemberParticipation;
import org.jekafo.api.consultation.PublishedBallot;
import org.jekafo.api.consultation.PublishedBallotPage;
import org.jekafo.api.consultation.ReceiptCheck;
import org.jekafo.api.consultation.RecommendationPage;
import org.jekafo.api.consultation.RecommendationView;
import org.jekafo.api.consultation.Turnout;
import org.jekafo.ballot.ReceiptCode;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitQueries;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Answers consultation queries from the consultations and ballots indices. */
@Component
class ConsultationQueries {

    static final int MAX_PAGE_SIZE = 500;
    private static final TextLimit RECEIPT = new TextLimit("receipt", "Le code de reçu", 20);
    private static final TextLimit SEARCH = new TextLimit("search", "La recherche", 200);
    private static final TextLimit TAG = new TextLimit("tag", "L'étiquette", 40);

    private final ElasticsearchClient client;
    private final OrgUnitQueries orgUnits;

    ConsultationQueries(ElasticsearchClient client, OrgUnitQueries orgUnits) {
        this.client = client;
        this.orgUnits = orgUnits;
    }

    /** The consultation, or null when there is none. */
    @QueryHandler
    ConsultationView handle(FindConsultationQuery query) throws IOException {
        RefusedQueryException.bounded(query.consultationId(), TextLimit.IDENTIFIER);
        var response = client.get(g -> g.index(ConsultationIndex.ALIAS).id(query.consultationId()),
                ConsultationDocument.class);
        return response.found() && response.source() != null ? response.source().toView() : null;
    }

    @QueryHandler
    ConsultationPage handle(FindConsultationsQuery query) throws IOException {
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        ConsultationFilter filter = query.filter();
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (filter != null && filter.orgUnitId() != null) {
            RefusedQueryException.bounded(filter.orgUnitId(), TextLimit.IDENTIFIER);
            List<FieldValue> units = filter.includeSubunits()
                    ? orgUnits.tree().subtree(filter.orgUnitId()).stream().map(OrgUnitView::orgUnitId)
                    .map(FieldValue::of).toList() : List.of(FieldValue.of(filter.orgUnitId()));
            bool.filter(f -> f.terms(t -> t.field("orgUnitId").terms(v -> v.value(units.isEmpty()
                    ? List.of(FieldValue.of(filter.orgUnitId())) : units))));
        }
        if (filter != null && filter.status() != null) {
            bool.filter(f -> f.term(t -> t.field("status").value(filter.status().name())));
        }
        if (filter != null && filter.from() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("closesAt").gte(filter.from().toString()))));
        }
        if (filter != null && filter.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> d.field("opensAt").lte(filter.to().toString()))));
        }
        Query filtered = bool.build()._toQuery();
        var response = client.search(s -> {
            s.index(ConsultationIndex.ALIAS).query(filtered).size(size + 1).trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.field(f -> f.field("closesAt").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("consultationId").order(SortOrder.Asc)));
            if (query.after() != null) {
                String[] parts = query.after().split("\\|", 2);
                s.searchAfter(FieldValue.of(Long.parseLong(parts[0])), FieldValue.of(parts[1]));
            }
            return s;
        }, ConsultationDocument.class);
        List<ConsultationView> views = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                .map(ConsultationDocument::toView).toList();
        long total = response.hits().total() == null ? views.size() : response.hits().total().value();
        return new ConsultationPage(views.subList(0, Math.min(size, views.size())), total, views.size() > size);
    }

    @QueryHandler
    Turnout handle(FindTurnoutQuery query) throws IOException {
        RefusedQueryException.bounded(query.consultationId(), TextLimit.IDENTIFIER);
        var response = client.search(s -> s.index(BallotIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("consultationId").value(query.consultationId())))
                        .filter(f -> f.terms(t -> t.field("documentKind").terms(v -> v.value(List.of(
                                FieldValue.of(BallotDocument.OPEN_BALLOT), FieldValue.of(BallotDocument.PARTICIPATION))))))))
                .aggregations("channels", a -> a.terms(t -> t.field("channel").size(10)))
                .aggregations("choices", a -> a.terms(t -> t.field("choices").size(2_000))), Void.class);
        long voters = response.hits().total() == null ? 0 : response.hits().total().value();
        return new Turnout(query.consultationId(), voters, buckets(response.aggregations().get("channels"), "CHANNEL"),
                buckets(response.aggregations().get("choices"), "CHOICE"));
    }

    private static List<GroupCount> buckets(co.elastic.clients.elasticsearch._types.aggregations.Aggregate aggregate,
                                            String dimension) {
        List<GroupCount> counts = new ArrayList<>();
        for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
            counts.add(new GroupCount(dimension, bucket.key().stringValue(), bucket.docCount()));
        }
        return counts;
    }

    @QueryHandler
    ReceiptCheck handle(CheckReceiptQuery query) throws IOException {
        RefusedQueryException.bounded(query.consultationId(), TextLimit.IDENTIFIER);
        String receipt = ReceiptCode.parse(RefusedQueryException.bounded(query.receipt(), RECEIPT))
                .map(ReceiptCode::display).orElse("");
        var response = client.search(s -> s.index(BallotIndex.ALIAS).size(1)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("consultationId").value(query.consultationId())))
                        .filter(f -> f.term(t -> t.field("documentKind").value(BallotDocument.SECRET_BALLOT)))
                        .filter(f -> f.term(t -> t.field("receipt").value(receipt))))), BallotDocument.class);
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).findFirst()
                .map(d -> new ReceiptCheck(query.consultationId(), d.receipt, true, d.ballotId))
                .orElse(new ReceiptCheck(query.consultationId(), query.receipt(), false, null));
    }

    @QueryHandler
    PublishedBallotPage handle(FindPublishedBallotsQuery query) throws IOException {
        RefusedQueryException.bounded(query.consultationId(), TextLimit.IDENTIFIER);
        RefusedQueryException.bounded(query.after(), TextLimit.IDENTIFIER.forField("after"));
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        var response = client.search(s -> {
            s.index(BallotIndex.ALIAS).size(size + 1).trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("consultationId").value(query.consultationId())))
                            .filter(f -> f.term(t -> t.field("documentKind").value(BallotDocument.SECRET_BALLOT)))))
                    .sort(o -> o.field(f -> f.field("ballotId").order(SortOrder.Asc)));
            if (query.after() != null) {
                s.searchAfter(FieldValue.of(query.after()));
            }
            return s;
        }, BallotDocument.class);
        List<PublishedBallot> ballots = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                .map(d -> new PublishedBallot(d.ballotId, d.consultationId, d.receipt, d.ballot, d.voter)).toList();
        long total = response.hits().total() == null ? ballots.size() : response.hits().total().value();
        return new PublishedBallotPage(ballots.subList(0, Math.min(size, ballots.size())), total, ballots.size() > size);
    }

    @QueryHandler
    RecommendationPage handle(FindRecommendationsQuery query) throws IOException {
        RefusedQueryException.bounded(query.consultationId(), TextLimit.IDENTIFIER);
        String search = RefusedQueryException.bounded(query.search(), SEARCH);
        String tag = RefusedQueryException.bounded(query.tag(), TAG);
        RefusedQueryException.bounded(query.after(), TextLimit.CURSOR);
        int size = Math.max(0, Math.min(query.first(), MAX_PAGE_SIZE));
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.term(t -> t.field("consultationId").value(query.consultationId())))
                .filter(f -> f.term(t -> t.field("documentKind").value(BallotDocument.RECOMMENDATION)));
        if (search != null && !search.isBlank()) {
            bool.must(m -> m.match(t -> t.field("textFolded").query(TextFolding.fold(search)).operator(
                    co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
        }
        if (tag != null) {
            bool.filter(f -> f.term(t -> t.field("tags").value(tag)));
        }
        Query filtered = bool.build()._toQuery();
        var response = client.search(s -> {
            s.index(BallotIndex.ALIAS).size(size + 1).trackTotalHits(t -> t.enabled(true)).query(filtered)
                    .sort(o -> o.field(f -> f.field("recommendationId").order(SortOrder.Asc)));
            if (query.after() != null) {
                s.searchAfter(FieldValue.of(query.after()));
            }
            return s;
        }, BallotDocument.class);
        List<RecommendationView> views = response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull)
                .map(d -> new RecommendationView(d.recommendationId, d.consultationId, d.questionId, d.text,
                        d.tags == null ? List.of() : d.tags)).toList();
        long total = response.hits().total() == null ? views.size() : response.hits().total().value();
        return new RecommendationPage(views.subList(0, Math.min(size, views.size())), total, views.size() > size);
    }

    @QueryHandler
    MemberParticipation handle(FindMemberParticipationQuery query) throws IOException {
        RefusedQueryException.bounded(query.memberId(), TextLimit.IDENTIFIER);
        var response = client.search(s -> s.index(BallotIndex.ALIAS).size(MAX_PAGE_SIZE)
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("memberId").value(query.memberId())))
                            .filter(f -> f.terms(t -> t.field("documentKind").terms(v -> v.value(List.of(
                                    FieldValue.of(BallotDocument.OPEN_BALLOT), FieldValue.of(BallotDocument.PARTICIPATION))))));
                    if (query.consultationIds() != null) {
                        b.filter(f -> f.terms(t -> t.field("consultationId").terms(v -> v.value(
                                query.consultationIds().stream().map(FieldValue::of).toList()))));
                    }
                    return b;
                })), BallotDocument.class);
        return new MemberParticipation(query.memberId(), response.hits().hits().stream().map(Hit::source)
                .filter(Objects::nonNull).map(d -> new MemberParticipation.Entry(d.consultationId, d.participationId,
                        d.channel, d.votedAt, d.answers)).toList());
    }
}
