package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as bounds of a date range query, exactly. */
public final class DateBounds {

    private static final DateTimeFormatter NANOS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DateBounds() {
    }

    /**
     * An instant with all nine digits of its fraction: Elasticsearch rounds a date that leaves fields out up to the
     * end of what it leaves out in {@code gt} and {@code lte} ("…:00Z" would mean "…:00.999999999Z"). A {@code date}
     * field (milliseconds) takes the bound to its millisecond, a {@code date_nanos} field as it is.
     */
    public static JsonData exact(Instant instant) {
        return JsonData.of(NANOS.format(instant));
    }

    /** The periods not ended at {@code at}: their end ({@code endField}, excluded) after it, or none yet. */
    public static Query notEndedAt(String endField, Instant at) {
        return Query.of(q -> q.bool(open -> open.minimumShouldMatch("1")
                .should(s -> s.range(r -> r.untyped(u -> u.field(endField).gt(exact(at)))))
                .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field(endField)))))));
    }
}
