package org.jekafo.api.membership;

/** Every event of one member, read from the event store itself; answered with a {@link MemberHistoryView}. */
public record FindMemberHistoryQuery(String memberId) {
}
