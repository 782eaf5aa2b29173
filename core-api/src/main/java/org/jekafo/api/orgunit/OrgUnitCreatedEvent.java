package org.jekafo.api.orgunit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A unit of the federation was created. */
@EventName(value = "OrgUnitCreatedEvent", revision = "1")
public record OrgUnitCreatedEvent(@JsonProperty("orgUnitId") String orgUnitId, @JsonProperty("code") String code,
        @JsonProperty("name") String name, @JsonProperty("level") OrgUnitLevel level,
        @JsonProperty("parentId") String parentId) {
}
