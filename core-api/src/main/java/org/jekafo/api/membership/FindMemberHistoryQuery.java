package org.jekafo.api.membership;

/** Every event of one member, read from the event store itself. */
public record FindMemberHistoryQuery(String memberId) {
}
