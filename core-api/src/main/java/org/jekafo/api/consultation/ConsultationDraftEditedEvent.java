package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A draft's plan was replaced. */
@EventName(value = "ConsultationDraftEditedEvent", revision = "1")
public record ConsultationDraftEditedEvent(@JsonProperty("consultationId") String consultationId,
                                           @JsonProperty("plan") ConsultationPlan plan) {
}
