package org.jekafo.api.membership;

/** A member was suspended. */
public record MemberSuspendedEvent(String memberId, String reason) {
}
