package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.util.List;

/**
 * The final result: turnout against the eligible, in all and per group, the outcome (quorum reached or not) and,
 * when reached, each choice question's counts. Final: nothing changes a tallied consultation.
 */
@EventName(value = "ConsultationTalliedEvent", revision = "1")
public record ConsultationTalliedEvent(@JsonProperty("consultationId") String consultationId,
                                       @JsonProperty("outcome") ConsultationOutcome outcome,
                                       @JsonProperty("eligibleCount") long eligibleCount,
                                       @JsonProperty("voterCount") long voterCount,
                                       @JsonProperty("voterGroups") List<GroupCount> voterGroups,
                                       @JsonProperty("questions") List<QuestionResult> questions) {
}
