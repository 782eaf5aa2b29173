package org.jekafo.query.membership;

import org.axonframework.queryhandling.QueryHandler;
import org.jekafo.api.history.HistorySlice;
import org.jekafo.api.membership.FindMemberHistoriesQuery;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.MemberHistories;
import org.jekafo.api.membership.MemberHistoryView;
import org.jekafo.api.membership.MembershipAggregates;
import org.jekafo.query.history.EventHistory;
import org.springframework.stereotype.Component;

/**
 * A member's whole history, read from the event store itself ({@link EventHistory}): what the unpaginated
 * {@code memberHistory} and {@code Member.history} show until they are retired in favour of the paginated history.
 */
@Component
class MemberHistoryQueries {

    private final EventHistory history;

    MemberHistoryQueries(EventHistory history) {
        this.history = history;
    }

    @QueryHandler
    MemberHistoryView handle(FindMemberHistoryQuery query) {
        return new MemberHistoryView(query.memberId(),
                history.page(MembershipAggregates.MEMBER, HistorySlice.all(query.memberId())).entries());
    }

    @QueryHandler
    MemberHistories handle(FindMemberHistoriesQuery query) {
        return new MemberHistories(query.memberIds().stream()
                .map(memberId -> handle(new FindMemberHistoryQuery(memberId))).toList());
    }
}
