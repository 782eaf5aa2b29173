package org.jekafo.query.figures;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.api.figures.IndicatorInterval;
import org.jekafo.api.figures.IndicatorPoint;
import org.jekafo.api.figures.IndicatorSeries;
import org.jekafo.api.figures.MemberFigures;
import org.jekafo.api.figures.StatusGenderCount;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.query.consultation.ConsultationIndex;
import org.jekafo.query.elasticsearch.DateBounds;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitPeriodQueries;
import org.jekafo.query.orgunit.OrgUnitTree;
import org.jekafo.query.orgunit.SubtreeSpans;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Figures as of any date and indicators, from the members' periods ({@link MemberPeriodIndex}: the periods that held
 * at the date, whatever happened since) and from the tallied consultations. Subtrees and regions are those of the tree
 * as it stood then ({@link OrgUnitPeriodQueries}): a member counts where they were at the date, in the region that
 * unit lay in at the date; a registration or a tally where its unit lay when it happened.
 */
@Component
class FigureQueries {

    /** Dates are local to Mali. */
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    private static final List<String> STILL_MEMBERS = List.of(MemberStatus.ACTIVE.name(), MemberStatus.SUSPENDED.name());

    private final ElasticsearchClient client;
    private final OrgUnitPeriodQueries pastTrees;

    FigureQueries(ElasticsearchClient client, OrgUnitPeriodQueries pastTrees) {
        this.client = client;
        this.pastTrees = pastTrees;
    }

    @QueryHandler
    MemberFigures handle(CountMembersAsOfQuery query) throws IOException {
        RefusedQueryException.bounded(query.orgUnitId(), TextLimit.IDENTIFIER.forField("orgUnitId"));
        Instant at = Objects.requireNonNull(query.at(), "at");
        OrgUnitTree tree = pastTrees.treeAt(at);
        SearchResponse<Void> response = client.search(s -> s.index(MemberPeriodIndex.ALIAS).size(0)
                .trackTotalHits(t -> t.enabled(true))
                .query(heldAt(at, units(tree, query.orgUnitId()), null))
                .aggregations("status", Aggregation.of(a -> a.terms(t -> t.field("status").size(10))
                        .aggregations("gender", terms("gender", 10))))
                .aggregations("gender", terms("gender", 10))
                .aggregations("localUnit", terms("localUnitId", 10_000))
                .aggregations("trade", terms("trades", 1_000)), Void.class);
        List<CountBucket> byLocalUnit = buckets(response.aggregations().get("localUnit"));
        List<CountBucket> regions = tree.byRegion(byLocalUnit);
        List<StatusGenderCount> cross = new ArrayList<>();
        for (StringTermsBucket status : response.aggregations().get("status").sterms().buckets().array()) {
            for (StringTermsBucket gender : status.aggregations().get("gender").sterms().buckets().array()) {
                cross.add(new StatusGenderCount(status.key().stringValue(), gender.key().stringValue(),
                        gender.docCount()));
            }
        }
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        return new MemberFigures(at, total, buckets(response.aggregations().get("status")),
                buckets(response.aggregations().get("gender")), regions, byLocalUnit,
                buckets(response.aggregations().get("trade")), cross);
    }

    /**
     * Every point of the series in three requests, whatever their number: the unit's subtree over the series (the
     * units' periods), one search of the members' periods with two filters per point (the members at its end, the
     * registrations in it, each with its women), and one of the consultations tallied over the whole series, put in
     * their periods here. A unit's members at a point's end are those of the units under it then; a registration or a
     * tally counts under it when its unit lay under it at that moment.
     */
    @QueryHandler
    IndicatorSeries handle(FindIndicatorsQuery query) throws IOException {
        RefusedQueryException.bounded(query.orgUnitId(), TextLimit.IDENTIFIER.forField("orgUnitId"));
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = periodStart(query.from(), query.interval()); !start.isAfter(query.to());
             start = next(start, query.interval())) {
            starts.add(start);
        }
        Instant seriesFrom = instant(starts.get(0));
        Instant seriesUntil = instant(next(starts.get(starts.size() - 1), query.interval()));
        SubtreeSpans subtree = query.orgUnitId() == null ? null
                : pastTrees.during(seriesFrom, seriesUntil).subtreeOf(query.orgUnitId());
        Map<String, Aggregation> filters = new LinkedHashMap<>();
        Map<String, Aggregation> registered = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant from = instant(starts.get(i));
            Instant until = instant(next(starts.get(i), query.interval()));
            Instant end = until.minusNanos(1);
            filters.put("members" + i, withWomen(heldAt(end, unitsAt(subtree, end),
                    b -> b.filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(
                            STILL_MEMBERS.stream().map(FieldValue::of).toList())))))));
            registered.put("registered" + i, withWomen(Query.of(q -> q.range(r -> r.untyped(u -> u
                    .field("registeredAt").gte(DateBounds.exact(from)).lt(DateBounds.exact(until)))))));
        }
        filters.put("registered", Aggregation.of(a -> a.filter(q -> q.bool(b -> {
            b.filter(f -> f.term(t -> t.field("first").value(true)));
            if (subtree != null) {
                b.filter(subtree.matching("localUnitId", "registeredAt"));
            }
            return b;
        })).aggregations(registered)));
        SearchResponse<Void> periods = client.search(s -> s.index(MemberPeriodIndex.ALIAS).size(0)
                .query(q -> q.bool(b -> {
                    withinUnits(b, subtree == null ? null : subtree.unitIds().stream().map(FieldValue::of).toList());
                    return b;
                }))
                .aggregations(filters), Void.class);
        Map<String, Aggregate> registrations = periods.aggregations().get("registered").filter().aggregations();
        List<TalliedConsultation> tallied = tallied(subtree, seriesFrom, seriesUntil);
        List<IndicatorPoint> points = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate start = starts.get(i);
            LocalDate end = next(start, query.interval());
            Instant from = instant(start);
            Instant until = instant(end);
            points.add(point(start, end, tallied.stream().filter(c -> !c.talliedAt.isBefore(from)
                    && c.talliedAt.isBefore(until)).toList(), counted(periods.aggregations(), "members" + i),
                    counted(registrations, "registered" + i)));
        }
        return new IndicatorSeries(points);
    }

    /**
     * The units under the subtree's root at {@code at}, when some of them were not there during the whole series;
     * null when the search's own units (all those of the series, or the whole federation) are those.
     */
    private static List<FieldValue> unitsAt(SubtreeSpans subtree, Instant at) {
        if (subtree == null || subtree.throughout().size() == subtree.spans().size()) {
            return null;
        }
        return subtree.unitIds().stream().filter(unit -> subtree.holds(unit, at)).map(FieldValue::of).toList();
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(BAMAKO).toInstant();
    }

    /** A filter aggregation of {@code query}, with the women among what it finds. */
    private static Aggregation withWomen(Query query) {
        return Aggregation.of(a -> a.filter(query)
                .aggregations("women", w -> w.filter(f -> f.term(t -> t.field("gender").value(Gender.F.name())))));
    }

    /** How many periods a filter aggregation found, and how many of them are women's. */
    private static long[] counted(Map<String, Aggregate> aggregations, String name) {
        var found = aggregations.get(name).filter();
        return new long[]{found.docCount(), found.aggregations().get("women").filter().docCount()};
    }

    /**
     * The consultations tallied from {@code from} until {@code until}, owned by a unit of {@code subtree} when tallied
     * (any when null).
     */
    private List<TalliedConsultation> tallied(SubtreeSpans subtree, Instant from, Instant until) throws IOException {
        SearchResponse<TalliedConsultation> response = client.search(s -> s.index(ConsultationIndex.ALIAS)
                .size(10_000).source(src -> src.filter(f -> f.includes("talliedAt", "eligibleCount", "eligibleGroups",
                        "tally.voterCount", "tally.voterGroups")))
                .query(q -> q.bool(b -> {
                    b.filter(f -> f.term(t -> t.field("status").value(ConsultationStatus.TALLIED.name())));
                    b.filter(f -> f.range(r -> r.untyped(u -> u.field("talliedAt")
                            .gte(DateBounds.exact(from)).lt(DateBounds.exact(until)))));
                    if (subtree != null) {
                        b.filter(subtree.matching("orgUnitId", "talliedAt"));
                    }
                    return b;
                })), TalliedConsultation.class);
        return response.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList();
    }

    /** The point of one period: its members and registrations as counted, and the consultations tallied in it. */
    private static IndicatorPoint point(LocalDate start, LocalDate end, List<TalliedConsultation> tallied,
                                        long[] members, long[] registered) {
        long eligible = 0;
        long voters = 0;
        Long eligibleWomen = 0L;
        Long womenVoters = 0L;
        for (TalliedConsultation consultation : tallied) {
            eligible += consultation.eligibleCount == null ? 0 : consultation.eligibleCount;
            eligibleWomen = plus(eligibleWomen, women(consultation.eligibleGroups));
            if (consultation.tally != null) {
                voters += consultation.tally.voterCount;
                womenVoters = plus(womenVoters, women(consultation.tally.voterGroups));
            }
        }
        return new IndicatorPoint(start, end, members[0], members[1], registered[0], registered[1], tallied.size(),
                eligible, eligibleWomen, voters, womenVoters);
    }

    /** The women of a breakdown; null when suppressed. */
    private static Long women(List<GroupCount> groups) {
        if (groups == null) {
            return 0L;
        }
        return groups.stream().filter(g -> "GENDER".equals(g.dimension()) && Gender.F.name().equals(g.group()))
                .findFirst().map(GroupCount::count).orElse(0L);
    }

    private static Long plus(Long sum, Long count) {
        return sum == null || count == null ? null : sum + count;
    }

    /**
     * The periods that held at {@code at}: begun at or before it, not ended by then; within {@code localUnits}
     * (all when null), and what {@code more} adds.
     */
    private static Query heldAt(Instant at, List<FieldValue> localUnits,
                                Function<BoolQuery.Builder, BoolQuery.Builder> more) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.range(r -> r.untyped(u -> u.field("validFrom").lte(DateBounds.exact(at)))));
            b.filter(DateBounds.notEndedAt("validTo", at));
            withinUnits(b, localUnits);
            return more == null ? b : more.apply(b);
        }));
    }

    private static void withinUnits(BoolQuery.Builder bool, List<FieldValue> localUnits) {
        if (localUnits != null) {
            bool.filter(f -> f.terms(t -> t.field("localUnitId").terms(v -> v.value(localUnits))));
        }
    }

    /** The local units of a unit's subtree in {@code tree}; null for the whole federation. */
    private static List<FieldValue> units(OrgUnitTree tree, String orgUnitId) {
        return orgUnitId == null ? null : tree.localUnitIdsUnder(orgUnitId).stream().map(FieldValue::of).toList();
    }

    static LocalDate periodStart(LocalDate date, IndicatorInterval interval) {
        return switch (interval) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate start, IndicatorInterval interval) {
        return switch (interval) {
            case MONTH -> start.plus(1, ChronoUnit.MONTHS);
            case QUARTER -> start.plus(3, ChronoUnit.MONTHS);
            case YEAR -> start.plus(1, ChronoUnit.YEARS);
        };
    }

    private static Aggregation terms(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size)));
    }

    private static List<CountBucket> buckets(Aggregate aggregate) {
        return aggregate.sterms().buckets().array().stream()
                .map(b -> new CountBucket(b.key().stringValue(), b.docCount())).toList();
    }

    /** What the indicators read of a tallied consultation. */
    static class TalliedConsultation {
        public Instant talliedAt;
        public Long eligibleCount;
        public List<GroupCount> eligibleGroups;
        public Tally tally;
    }

    /** What the indicators read of a tally. */
    static class Tally {
        public long voterCount;
        public List<GroupCount> voterGroups;
    }
}
