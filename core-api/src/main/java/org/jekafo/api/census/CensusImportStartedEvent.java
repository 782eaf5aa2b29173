package org.jekafo.api.census;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A census file was received for import: which file (name, SHA-256, size); who sent it is in the metadata. */
@EventName(value = "CensusImportStartedEvent", revision = "1")
public record CensusImportStartedEvent(@JsonProperty("importId") String importId,
        @JsonProperty("fileName") String fileName, @JsonProperty("sha256") String sha256,
        @JsonProperty("sizeBytes") long sizeBytes) {
}
