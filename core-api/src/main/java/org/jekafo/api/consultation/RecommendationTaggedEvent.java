package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.util.List;

/** A recommendation's tags were set by the advocacy cell. */
@EventName(value = "RecommendationTaggedEvent", revision = "1")
public record RecommendationTaggedEvent(@JsonProperty("consultationId") String consultationId,
                                        @JsonProperty("recommendationId") String recommendationId,
                                        @JsonProperty("tags") List<String> tags) {
}
