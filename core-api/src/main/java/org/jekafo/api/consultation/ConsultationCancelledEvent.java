package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A consultation was cancelled before closing: it never has a result. */
@EventName(value = "ConsultationCancelledEvent", revision = "1")
public record ConsultationCancelledEvent(@JsonProperty("consultationId") String consultationId,
                                         @JsonProperty("reason") String reason) {
}
