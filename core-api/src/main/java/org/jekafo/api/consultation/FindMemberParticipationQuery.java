package org.jekafo.api.consultation;

import java.util.List;

/** Whether a member has voted in each of these consultations (participation only, never a secret choice). */
public record FindMemberParticipationQuery(String memberId, List<String> consultationIds) {
}
