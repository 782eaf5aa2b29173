package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A consultation was drafted by an officer of its owner unit. */
@EventName(value = "ConsultationDraftedEvent", revision = "1")
public record ConsultationDraftedEvent(@JsonProperty("consultationId") String consultationId,
                                       @JsonProperty("orgUnitId") String orgUnitId,
                                       @JsonProperty("plan") ConsultationPlan plan) {
}
