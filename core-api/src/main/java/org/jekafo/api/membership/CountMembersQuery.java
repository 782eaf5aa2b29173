package org.jekafo.api.membership;

/** How many members match, broken down by gender, region, local unit, trade and status; answered with {@link MemberCounts}. */
public record CountMembersQuery(MemberFilter filter) {
}
