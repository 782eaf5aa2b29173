package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A member's personal data was erased: its key is destroyed, its names, phone, national ID and birth year read as erased. Holds no personal data. */
@EventName(value = "MemberPersonalDataErasedEvent", revision = "1")
public record MemberPersonalDataErasedEvent(@JsonProperty("memberId") String memberId,
        @JsonProperty("reason") String reason) {
}
