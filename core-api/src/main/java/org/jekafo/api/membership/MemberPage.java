package org.jekafo.api.membership;

import java.util.List;

/** A page of members with the cursor to continue from. */
public record MemberPage(List<MemberView> members, long totalCount, String endCursor, boolean hasNextPage) {
}
