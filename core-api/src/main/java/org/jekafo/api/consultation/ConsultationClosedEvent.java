package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A consultation closed: at its time, or early by its owner (with the reason). No ballot counts after this. */
@EventName(value = "ConsultationClosedEvent", revision = "1")
public record ConsultationClosedEvent(@JsonProperty("consultationId") String consultationId,
                                      @JsonProperty("early") boolean early, @JsonProperty("reason") String reason) {
}
