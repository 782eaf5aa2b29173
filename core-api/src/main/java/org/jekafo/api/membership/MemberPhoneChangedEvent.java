package org.jekafo.api.membership;

/** A member's phone changed (E.164). */
public record MemberPhoneChangedEvent(String memberId, String phone) {
}
