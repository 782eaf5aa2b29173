package org.jekafo.api.membership;

import java.time.LocalDate;

/** A member's death was recorded. */
public record MemberDeathRecordedEvent(String memberId, LocalDate diedOn) {
}
