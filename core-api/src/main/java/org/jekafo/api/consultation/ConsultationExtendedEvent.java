package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.time.Instant;

/** A consultation's closing time was moved later. */
@EventName(value = "ConsultationExtendedEvent", revision = "1")
public record ConsultationExtendedEvent(@JsonProperty("consultationId") String consultationId,
                                        @JsonProperty("previousClosesAt") Instant previousClosesAt,
                                        @JsonProperty("closesAt") Instant closesAt,
                                        @JsonProperty("reason") String reason) {
}
