package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.jekafo.query.elasticsearch.DateBounds;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The units that lay under a unit during a window of time {@code [from, until)} (an end open when null), each with
 * the part of the window it lay there: the whole window for nearly all of them, since moves are rare. A thing that
 * happened at {@code t} in unit {@code u} belongs to the unit's subtree iff one of {@code u}'s spans holds {@code t}.
 */
public final class SubtreeSpans {

    /** {@code orgUnitId} lay under the unit from {@code from} (included) until {@code until} (excluded). */
    public record Span(String orgUnitId, Instant from, Instant until) {

        boolean holds(Instant at) {
            return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
        }
    }

    private final Instant from;
    private final Instant until;
    private final List<Span> spans;

    SubtreeSpans(Instant from, Instant until, List<Span> spans) {
        this.from = from;
        this.until = until;
        this.spans = List.copyOf(spans);
    }

    public List<Span> spans() {
        return spans;
    }

    /** The units under the unit during the whole window. */
    public List<String> throughout() {
        return spans.stream().filter(this::whole).map(Span::orgUnitId).toList();
    }

    /** Every unit under the unit at some time of the window. */
    public List<String> unitIds() {
        return spans.stream().map(Span::orgUnitId).distinct().toList();
    }

    /** Whether something that happened at {@code at} in {@code orgUnitId} belongs to the subtree. */
    public boolean holds(String orgUnitId, Instant at) {
        return spans.stream().anyMatch(s -> s.orgUnitId().equals(orgUnitId) && s.holds(at));
    }

    /**
     * The documents whose unit ({@code unitField}, a keyword, possibly several values) was in the subtree at their
     * time ({@code timeField}): the units of the whole window in one terms clause, each other span a unit and a range
     * of time. Matches nothing when the subtree is empty.
     */
    public Query matching(String unitField, String timeField) {
        List<FieldValue> whole = throughout().stream().map(FieldValue::of).toList();
        return Query.of(q -> q.bool(b -> {
            b.minimumShouldMatch("1");
            b.should(s -> s.terms(t -> t.field(unitField).terms(v -> v.value(whole))));
            spans.stream().filter(span -> !whole(span)).forEach(span -> b.should(s -> s.bool(part -> part
                    .filter(f -> f.term(t -> t.field(unitField).value(span.orgUnitId())))
                    .filter(f -> f.range(r -> r.untyped(u -> {
                        u.field(timeField);
                        if (span.from() != null) {
                            u.gte(DateBounds.exact(span.from()));
                        }
                        if (span.until() != null) {
                            u.lt(DateBounds.exact(span.until()));
                        }
                        return u;
                    }))))));
            return b;
        }));
    }

    private boolean whole(Span span) {
        return Objects.equals(span.from(), from) && Objects.equals(span.until(), until);
    }
}
