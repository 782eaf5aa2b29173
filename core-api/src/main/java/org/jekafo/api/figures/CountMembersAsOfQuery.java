package org.jekafo.api.figures;

import java.time.Instant;

/**
 * The members as they stood at {@code at} (after the events received then or before), counted and broken down, in
 * the org unit {@code orgUnitId} and its subtree (the whole federation when null): answered with
 * {@link MemberFigures}, from the members' periods, never from the members as they are now.
 */
public record CountMembersAsOfQuery(String orgUnitId, Instant at) {
}
