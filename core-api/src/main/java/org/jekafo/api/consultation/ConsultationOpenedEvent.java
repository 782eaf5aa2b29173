package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.util.List;

/**
 * A consultation opened: the eligible members were fixed (the roll), counted in all and per group (gender,
 * disability, region, local unit, trade, age band). A secret consultation publishes its ballots' encryption key.
 */
@EventName(value = "ConsultationOpenedEvent", revision = "1")
public record ConsultationOpenedEvent(@JsonProperty("consultationId") String consultationId,
                                      @JsonProperty("eligibleCount") long eligibleCount,
                                      @JsonProperty("eligibleGroups") List<GroupCount> eligibleGroups,
                                      @JsonProperty("publicKey") String publicKey) {
}
