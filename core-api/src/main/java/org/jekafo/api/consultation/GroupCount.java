package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A count for one group of one breakdown dimension ({@code GENDER}, {@code DISABILITY}, {@code REGION},
 * {@code LOCAL_UNIT}, {@code TRADE}, {@code AGE_BAND}); {@code count} is null when suppressed (too small a group
 * of a secret consultation, or the complement that would reveal it).
 */
public record GroupCount(@JsonProperty("dimension") String dimension, @JsonProperty("group") String group,
                         @JsonProperty("count") Long count) {
}
