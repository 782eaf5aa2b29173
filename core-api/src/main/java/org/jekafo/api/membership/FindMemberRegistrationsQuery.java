package org.jekafo.api.membership;

/**
 * The members registered from now on in a unit's subtree, as a subscription query: answered with the unit (an
 * {@link org.jekafo.api.orgunit.OrgUnitView}, null when there is none), then updated with a
 * {@link org.jekafo.api.projection.ProjectedVersionView} for each member the member projection registers there (live
 * events only, never a replay), once the member's document is committed. An update names the member, nothing of its
 * personal data: the subscriber reads the member with {@link FindMemberQuery}, as the one who asked.
 *
 * @param orgUnitId the unit whose subtree is watched
 */
public record FindMemberRegistrationsQuery(String orgUnitId) {
}
