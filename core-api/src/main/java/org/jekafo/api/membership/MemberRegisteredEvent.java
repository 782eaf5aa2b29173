package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.time.LocalDate;
import java.util.List;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;

/** An artisan became a member. {@code phone} is E.164; the personal data reads as erased (birth year: null) after an erasure. */
@EventName(value = "MemberRegisteredEvent", revision = "1")
public record MemberRegisteredEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("cardNumber") String cardNumber, @JsonProperty("lastName") @PersonalData String lastName,
        @JsonProperty("firstName") @PersonalData String firstName, @JsonProperty("gender") Gender gender,
        @JsonProperty("birthYear") @PersonalData Integer birthYear, @JsonProperty("phone") @PersonalData String phone,
        @JsonProperty("nationalId") @PersonalData String nationalId, @JsonProperty("trades") List<String> trades,
        @JsonProperty("localUnitId") String localUnitId, @JsonProperty("disability") boolean disability,
        @JsonProperty("enrolledOn") LocalDate enrolledOn,
        @JsonProperty("confirmedPossibleDuplicate") boolean confirmedPossibleDuplicate) {
}
