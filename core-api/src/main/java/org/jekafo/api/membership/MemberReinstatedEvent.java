package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;

/** A suspended or resigned member is active again. */
@EventName(value = "MemberReinstatedEvent", revision = "1")
public record MemberReinstatedEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("previousStatus") MemberStatus previousStatus,
        @JsonProperty("reason") @PersonalData String reason) {
}
