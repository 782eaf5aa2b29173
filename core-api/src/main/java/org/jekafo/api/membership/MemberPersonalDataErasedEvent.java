package org.jekafo.api.membership;

/** A member's personal data was erased: its key is destroyed, its names, phone, national ID and birth year read as erased. Holds no personal data. */
public record MemberPersonalDataErasedEvent(String memberId, String reason) {
}
