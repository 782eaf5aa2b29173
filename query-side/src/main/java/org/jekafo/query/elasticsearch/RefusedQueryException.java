package org.jekafo.query.elasticsearch;

import org.axonframework.queryhandling.QueryExecutionException;
import org.jekafo.api.common.Refusal;
import org.jekafo.api.common.TextLimit;

/** A query whose criteria the query side refuses; the {@link Refusal} travels as the details, like a command's. */
public class RefusedQueryException extends QueryExecutionException {

    public RefusedQueryException(Refusal refusal) {
        super(refusal.message(), null, refusal);
    }

    /** The criterion as given, or a {@code TEXT_TOO_LONG} refusal when it exceeds its limit (the value is not quoted). */
    public static String bounded(String value, TextLimit limit) {
        if (!limit.admits(value)) {
            throw new RefusedQueryException(limit.refusal());
        }
        return value;
    }
}
