package org.jekafo.api.orgunit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;
import org.jekafo.api.common.RecordField;

/** A unit was moved under another parent ({@code newParentId} is the unit's {@code parentId} from now on). */
@EventName(value = "OrgUnitMovedEvent", revision = "1")
public record OrgUnitMovedEvent(@JsonProperty("orgUnitId") String orgUnitId,
        @JsonProperty("previousParentId") String previousParentId,
        @JsonProperty("newParentId") @RecordField("parentId") String newParentId) {
}
