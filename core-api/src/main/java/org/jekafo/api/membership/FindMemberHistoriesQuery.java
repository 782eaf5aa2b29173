package org.jekafo.api.membership;

import java.util.List;

/**
 * The histories of several members at once (a page of members with their histories, in one question rather than
 * one per member); answered with {@link MemberHistories}, in the same order.
 */
public record FindMemberHistoriesQuery(List<String> memberIds) {
}
