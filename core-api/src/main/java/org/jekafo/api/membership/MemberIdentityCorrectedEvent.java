package org.jekafo.api.membership;

import org.jekafo.api.common.Gender;

/** Identity fields were corrected; the event holds the full identity after correction. */
public record MemberIdentityCorrectedEvent(String memberId, String lastName, String firstName, Gender gender, int birthYear, String nationalId, boolean disability, String reason) {
}
