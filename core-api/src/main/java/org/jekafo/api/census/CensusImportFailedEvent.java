package org.jekafo.api.census;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** An import stopped before its end; the members it registered until then stay registered. */
@EventName(value = "CensusImportFailedEvent", revision = "1")
public record CensusImportFailedEvent(@JsonProperty("importId") String importId,
        @JsonProperty("reason") String reason) {
}
