package org.jekafo.api.membership;

import java.util.List;

/** A page of members, each with its cursor ({@code cursors} runs parallel to {@code members}), and the cursor to continue from. */
public record MemberPage(List<MemberView> members, List<String> cursors, long totalCount, String endCursor, boolean hasNextPage) {
}
