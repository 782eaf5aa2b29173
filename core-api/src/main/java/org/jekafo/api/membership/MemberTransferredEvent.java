package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.RecordField;

/** A member moved from one local unit to another. */
@EventName(value = "MemberTransferredEvent", revision = "1")
public record MemberTransferredEvent(@JsonProperty("memberId") @DataSubject String memberId,
        @JsonProperty("fromLocalUnitId") String fromLocalUnitId,
        @JsonProperty("toLocalUnitId") @RecordField("localUnitId") String toLocalUnitId,
        @JsonProperty("reason") @PersonalData String reason) {
}
