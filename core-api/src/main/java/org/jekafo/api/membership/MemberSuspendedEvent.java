package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A member was suspended. */
@EventName(value = "MemberSuspendedEvent", revision = "1")
public record MemberSuspendedEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("reason") @PersonalData String reason) {
}
