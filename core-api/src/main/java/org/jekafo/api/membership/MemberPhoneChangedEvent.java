package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A member's phone changed (E.164). */
public record MemberPhoneChangedEvent(@DataSubject String memberId, @PersonalData String phone) {
}
