package org.jekafo.api.orgunit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/** A unit was moved under another parent. */
@EventName(value = "OrgUnitMovedEvent", revision = "1")
public record OrgUnitMovedEvent(@JsonProperty("orgUnitId") String orgUnitId,
        @JsonProperty("previousParentId") String previousParentId, @JsonProperty("newParentId") String newParentId) {
}
