package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.util.List;

/** A member's trades changed. */
@EventName(value = "MemberTradesChangedEvent", revision = "1")
public record MemberTradesChangedEvent(@JsonProperty("memberId") String memberId,
        @JsonProperty("trades") List<String> trades) {
}
