package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A member's phone changed (E.164). */
@EventName(value = "MemberPhoneChangedEvent", revision = "1")
public record MemberPhoneChangedEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("phone") @PersonalData String phone) {
}
