package org.jekafo.api.membership;

/** A page of members: at most {@code first}, after the position {@code after} (from the start when null). */
public record FindMembersQuery(MemberFilter filter, int first, MemberPosition after) {
}
