package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.time.Instant;

/** A draft was fixed: it opens and closes at these times. */
@EventName(value = "ConsultationScheduledEvent", revision = "1")
public record ConsultationScheduledEvent(@JsonProperty("consultationId") String consultationId,
                                         @JsonProperty("opensAt") Instant opensAt,
                                         @JsonProperty("closesAt") Instant closesAt) {
}
