package org.jekafo.api.membership;

/** A page of members: at most {@code first}, after the opaque cursor {@code after}. */
public record FindMembersQuery(MemberFilter filter, int first, String after) {
}
