package org.jekafo.api.membership;

/**
 * The aggregate types of the census, as the event store records them with each event (and as history is asked for
 * them: {@code FindHistoryQuery}, GraphQL's {@code AggregateType}). Stored with every event: never renamed.
 */
public final class MembershipAggregates {

    /** A member. */
    public static final String MEMBER = "Member";

    private MembershipAggregates() {
    }
}
