package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

import java.time.LocalDate;

/** A member resigned. */
public record MemberResignedEvent(@DataSubject String memberId, LocalDate effectiveOn, @PersonalData String reason) {
}
