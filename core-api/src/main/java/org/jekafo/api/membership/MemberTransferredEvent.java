package org.jekafo.api.membership;

/** A member moved from one local unit to another. */
public record MemberTransferredEvent(String memberId, String fromLocalUnitId, String toLocalUnitId, String reason) {
}
