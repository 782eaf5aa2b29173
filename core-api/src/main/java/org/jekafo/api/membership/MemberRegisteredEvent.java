package org.jekafo.api.membership;

import java.time.LocalDate;
import java.util.List;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;

/** An artisan became a member. {@code phone} is E.164; the personal data reads as erased (birth year: null) after an erasure. */
public record MemberRegisteredEvent(@DataSubject String memberId, String cardNumber, @PersonalData String lastName, @PersonalData String firstName, Gender gender, @PersonalData Integer birthYear, @PersonalData String phone, @PersonalData String nationalId, List<String> trades, String localUnitId, boolean disability, LocalDate enrolledOn, boolean confirmedPossibleDuplicate) {
}
