package org.jekafo.api.membership;

import java.time.LocalDate;
import java.util.List;
import org.jekafo.api.common.Gender;

/** An artisan became a member. {@code phone} is E.164; */
public record MemberRegisteredEvent(String memberId, String cardNumber, String lastName, String firstName, Gender gender, int birthYear, String phone, String nationalId, List<String> trades, String localUnitId, boolean disability, LocalDate enrolledOn, boolean confirmedPossibleDuplicate) {
}
