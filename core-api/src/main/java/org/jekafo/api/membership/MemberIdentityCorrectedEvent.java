package org.jekafo.api.membership;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;

/** Identity fields were corrected; the event holds the full identity after correction. */
public record MemberIdentityCorrectedEvent(@DataSubject String memberId, @PersonalData String lastName, @PersonalData String firstName, Gender gender, @PersonalData Integer birthYear, @PersonalData String nationalId, boolean disability, @PersonalData String reason) {
}
