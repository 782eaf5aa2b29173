package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;

/** Identity fields were corrected; the event holds the full identity after correction. */
@EventName(value = "MemberIdentityCorrectedEvent", revision = "1")
public record MemberIdentityCorrectedEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("lastName") @PersonalData String lastName,
        @JsonProperty("firstName") @PersonalData String firstName, @JsonProperty("gender") Gender gender,
        @JsonProperty("birthYear") @PersonalData Integer birthYear,
        @JsonProperty("nationalId") @PersonalData String nationalId, @JsonProperty("disability") boolean disability,
        @JsonProperty("reason") @PersonalData String reason) {
}
