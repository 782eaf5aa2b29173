package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.time.LocalDate;

/** A member's death was recorded. */
@EventName(value = "MemberDeathRecordedEvent", revision = "1")
public record MemberDeathRecordedEvent(@JsonProperty("memberId") String memberId,
        @JsonProperty("diedOn") LocalDate diedOn) {
}
