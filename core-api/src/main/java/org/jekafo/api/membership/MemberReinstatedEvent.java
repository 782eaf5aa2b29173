package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A suspended or resigned member is active again. */
public record MemberReinstatedEvent(@DataSubject String memberId, MemberStatus previousStatus, @PersonalData String reason) {
}
