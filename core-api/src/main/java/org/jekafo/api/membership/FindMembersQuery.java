package org.jekafo.api.membership;

/**
 * A page of members in {@code order}: at most {@code first}, after the position {@code after} (from the start when
 * null); or, {@code backward}, the {@code first} members just before {@code after} (the end of the list when null),
 * still answered in {@code order}. Answered with a {@link MemberPage}, whose {@code hasNextPage} then says whether
 * more come before.
 */
public record FindMembersQuery(MemberFilter filter, int first, MemberPosition after, MemberOrder order,
                               boolean backward) {

    public FindMembersQuery {
        order = order == null ? MemberOrder.BY_NAME : order;
    }

    /** Forward, by name. */
    public FindMembersQuery(MemberFilter filter, int first, MemberPosition after) {
        this(filter, first, after, MemberOrder.BY_NAME, false);
    }
}
