package org.jekafo.api.membership;

import org.jekafo.api.common.PersonalDataView;

import java.util.List;

/** A page of members, each with its position ({@code positions} runs parallel to {@code members}). */
public record MemberPage(List<MemberView> members, List<MemberPosition> positions, long totalCount, boolean hasNextPage) implements PersonalDataView<MemberPage> {

    @Override
    public List<String> dataSubjects() {
        return members.stream().map(MemberView::memberId).distinct().toList();
    }

    @Override
    public MemberPage masked() {
        return new MemberPage(members.stream().map(MemberView::masked).toList(), positions, totalCount, hasNextPage);
    }


    /** The position to continue from: the last member's; null for an empty page. */
    public MemberPosition endPosition() {
        return positions.isEmpty() ? null : positions.get(positions.size() - 1);
    }
}
