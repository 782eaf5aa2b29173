package org.jekafo.api.membership;

import java.time.LocalDate;
import org.jekafo.api.common.Gender;

/** Which members a query is about; every criterion is optional and they combine with AND. {@code orgUnitId} takes the whole subtree; {@code name} is accent-insensitive. */
public record MemberFilter(String orgUnitId, Gender gender, String trade, MemberStatus status, Integer birthYearFrom, Integer birthYearTo, LocalDate enrolledFrom, LocalDate enrolledTo, String name, String phone) {
}
