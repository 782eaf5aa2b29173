package org.jekafo.api.orgunit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A unit was renamed. */
@EventName(value = "OrgUnitRenamedEvent", revision = "1")
public record OrgUnitRenamedEvent(@JsonProperty("orgUnitId") String orgUnitId,
        @JsonProperty("previousName") String previousName, @JsonProperty("name") String name) {
}
