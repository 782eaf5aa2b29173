package org.jekafo.api.membership;

/**
 * What changed for the members of an org unit's subtree since a point of the members index's history (a tablet's
 * last sync): every member whose last applied event lies after {@code (afterPosition, afterMemberId)} and at or
 * before {@code upToPosition} (a position every segment of the projection has passed), in that order, and that is
 * in the subtree now or was before (then it is a tombstone); at most {@code first}. Answered with
 * {@link MemberChanges}.
 */
public record FindMemberChangesQuery(String orgUnitId, long afterPosition, String afterMemberId, long upToPosition,
                                     int first) {
}
