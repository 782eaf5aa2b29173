package org.jekafo.api.membership;

/**
 * Every member matching {@code filter}, by card number, as a stream of {@link MemberView}s (a streaming query: read
 * from the index a page at a time as the receiver asks, in constant memory, however many there are). For exports;
 * the channel that shows them masks and journals them as any member read.
 */
public record StreamMembersQuery(MemberFilter filter) {
}
