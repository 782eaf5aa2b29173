package org.jekafo.api.membership;

import java.util.List;

/** A page of members, each with its position ({@code positions} runs parallel to {@code members}). */
public record MemberPage(List<MemberView> members, List<MemberPosition> positions, long totalCount, boolean hasNextPage) {

    /** The position to continue from: the last member's; null for an empty page. */
    public MemberPosition endPosition() {
        return positions.isEmpty() ? null : positions.get(positions.size() - 1);
    }
}
