package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

import java.time.LocalDate;

/** A member resigned. */
@EventName(value = "MemberResignedEvent", revision = "1")
public record MemberResignedEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("effectiveOn") LocalDate effectiveOn, @JsonProperty("reason") @PersonalData String reason) {
}
