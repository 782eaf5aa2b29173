package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.MemberStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * Who may vote: the members of an org unit's subtree, optionally only of one gender, one trade, some statuses
 * (ACTIVE when none is given) and enrolled before a date. Fixed at opening.
 */
public record Eligibility(@JsonProperty("orgUnitId") String orgUnitId, @JsonProperty("gender") Gender gender,
                          @JsonProperty("trade") String trade, @JsonProperty("statuses") List<MemberStatus> statuses,
                          @JsonProperty("enrolledBefore") LocalDate enrolledBefore) {

    /** The statuses that give the right to vote: ACTIVE unless others are named. */
    public List<MemberStatus> statusesOrDefault() {
        return statuses == null || statuses.isEmpty() ? List.of(MemberStatus.ACTIVE) : statuses;
    }
}
