package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A member moved from one local unit to another. */
public record MemberTransferredEvent(@DataSubject String memberId, String fromLocalUnitId, String toLocalUnitId, @PersonalData String reason) {
}
