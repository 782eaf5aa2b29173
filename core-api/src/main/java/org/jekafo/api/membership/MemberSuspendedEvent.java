package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A member was suspended. */
public record MemberSuspendedEvent(@DataSubject String memberId, @PersonalData String reason) {
}
