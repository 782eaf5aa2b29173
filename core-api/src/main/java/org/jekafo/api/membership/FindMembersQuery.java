package org.jekafo.api.membership;

/**
 * A page of members: at most {@code first}, after the position {@code after} (from the start when null); answered
 * with a {@link MemberPage}.
 */
public record FindMembersQuery(MemberFilter filter, int first, MemberPosition after) {
}
