package org.jekafo.api.membership;

/** A suspended or resigned member is active again. */
public record MemberReinstatedEvent(String memberId, MemberStatus previousStatus, String reason) {
}
