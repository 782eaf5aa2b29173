package org.jekafo.api.orgunit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A unit was closed; it keeps its history. */
@EventName(value = "OrgUnitClosedEvent", revision = "1")
public record OrgUnitClosedEvent(@JsonProperty("orgUnitId") String orgUnitId, @JsonProperty("reason") String reason) {
}
