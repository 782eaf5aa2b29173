package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import org.jekafo.api.common.PhoneNumber;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitTree;

import java.util.List;
import java.util.Optional;

/** Turns a {@link MemberFilter} into an Elasticsearch query: every criterion a filter clause. */
final class MemberSearchQuery {

    private MemberSearchQuery() {
    }

    static Query of(MemberFilter filter, OrgUnitTree tree) {
        if (filter == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        requireBounded(filter);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (filter.orgUnitId() != null) {
            List<FieldValue> units = tree.localUnitIdsUnder(filter.orgUnitId()).stream().map(FieldValue::of).toList();
            if (units.isEmpty()) {
                return Query.of(q -> q.matchNone(m -> m));
            }
            bool.filter(f -> f.terms(t -> t.field("localUnitId").terms(v -> v.value(units))));
        }
        term(bool, "gender", filter.gender() == null ? null : filter.gender().name());
        term(bool, "trades", filter.trade());
        term(bool, "status", filter.status() == null ? null : filter.status().name());
        if (filter.birthYearFrom() != null || filter.birthYearTo() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("birthYear");
                Optional.ofNullable(filter.birthYearFrom()).ifPresent(v -> u.gte(JsonData.of(v)));
                Optional.ofNullable(filter.birthYearTo()).ifPresent(v -> u.lte(JsonData.of(v)));
                return u;
            })));
        }
        if (filter.enrolledFrom() != null || filter.enrolledTo() != null) {
            bool.filter(f -> f.range(r -> r.untyped(u -> {
                u.field("enrolledOn");
                Optional.ofNullable(filter.enrolledFrom()).ifPresent(v -> u.gte(JsonData.of(v.toString())));
                Optional.ofNullable(filter.enrolledTo()).ifPresent(v -> u.lte(JsonData.of(v.toString())));
                return u;
            })));
        }
        if (filter.name() != null && !TextFolding.fold(filter.name()).isEmpty()) {
            String folded = TextFolding.fold(filter.name());
            bool.must(m -> m.matchBoolPrefix(p -> p.field("nameFolded").query(folded).operator(Operator.And)));
        }
        if (filter.phone() != null && !filter.phone().isBlank()) {
            Optional<PhoneNumber> phone = PhoneNumber.parse(filter.phone());
            if (phone.isEmpty()) {
                return Query.of(q -> q.matchNone(m -> m));
            }
            term(bool, "phone", phone.get().e164());
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Every text criterion within its limit, before anything is asked of Elasticsearch. */
    private static void requireBounded(MemberFilter filter) {
        RefusedQueryException.bounded(filter.orgUnitId(), TextLimit.IDENTIFIER.forField("orgUnitId"));
        RefusedQueryException.bounded(filter.trade(), TextLimit.FILTER_TRADE);
        RefusedQueryException.bounded(filter.name(), TextLimit.FILTER_NAME);
        RefusedQueryException.bounded(filter.phone(), TextLimit.FILTER_PHONE);
    }

    private static void term(BoolQuery.Builder bool, String field, String value) {
        if (value != null && !value.isBlank()) {
            bool.filter(f -> f.term(t -> t.field(field).value(value)));
        }
    }
}
