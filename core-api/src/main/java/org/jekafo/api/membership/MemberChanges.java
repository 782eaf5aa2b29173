package org.jekafo.api.membership;

import org.jekafo.api.common.PersonalDataView;

import java.util.List;
import java.util.Objects;

/** The changes a {@link FindMemberChangesQuery} asked for, in order, and whether more follow up to its bound. */
public record MemberChanges(List<MemberChange> changes, boolean hasMore) implements PersonalDataView<MemberChanges> {

    /**
     * One member's change: the member as it is now ({@code member}, for one still in the subtree) or a tombstone
     * ({@code member} null: transferred out of the subtree), and the position of its last applied event.
     */
    public record MemberChange(String memberId, long position, MemberView member) {
    }

    @Override
    public List<String> dataSubjects() {
        return changes.stream().map(MemberChange::member).filter(Objects::nonNull).map(MemberView::memberId)
                .distinct().toList();
    }

    @Override
    public MemberChanges masked() {
        return new MemberChanges(changes.stream().map(change -> new MemberChange(change.memberId(), change.position(),
                change.member() == null ? null : change.member().masked())).toList(), hasMore);
    }
}
