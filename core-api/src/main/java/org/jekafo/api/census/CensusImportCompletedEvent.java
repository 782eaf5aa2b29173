package org.jekafo.api.census;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** Every line of an imported file was handled: how many lines, registered, already imported, rejected. */
@EventName(value = "CensusImportCompletedEvent", revision = "1")
public record CensusImportCompletedEvent(@JsonProperty("importId") String importId, @JsonProperty("lines") int lines,
        @JsonProperty("registered") int registered, @JsonProperty("alreadyImported") int alreadyImported,
        @JsonProperty("rejected") int rejected) {
}
