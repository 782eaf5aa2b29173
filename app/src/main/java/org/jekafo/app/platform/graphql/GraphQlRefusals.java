package org.jekafo.app.platform.graphql;

import org.jekafo.api.common.Refusal;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.query.elasticsearch.SearchUnavailable;

/** Which failures a user can correct by changing the input, for controllers that report them per item. */
public final class GraphQlRefusals {

    private GraphQlRefusals() {
    }

    /** The refusal a user can correct in {@code failure}'s cause chain, or {@code null} (a fault, a service down). */
    public static Refusal userFixable(Throwable failure) {
        Refusal refusal = GraphQlErrors.refusalIn(failure);
        return refusal == null || SearchUnavailable.CODE.equals(refusal.code()) ? null : refusal;
    }

    /** The gate's refusal in {@code failure}'s cause chain, or {@code null}. */
    public static Refusal accessRefusalIn(Throwable failure) {
        AccessRefusedException refused = AccessRefusedException.in(failure);
        return refused == null ? null : refused.refusal();
    }
}
