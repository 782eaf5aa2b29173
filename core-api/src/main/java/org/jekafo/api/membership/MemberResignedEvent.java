package org.jekafo.api.membership;

import java.time.LocalDate;

/** A member resigned. */
public record MemberResignedEvent(String memberId, LocalDate effectiveOn, String reason) {
}
