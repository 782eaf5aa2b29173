package org.jekafo.api.consultation;

import java.util.List;

/**
 * A member's participations: for each consultation voted in, when the ballot was taken and through which
 * channel; the answers only for open ballots.
 */
public record MemberParticipation(String memberId, List<Entry> entries) {

    public record Entry(String consultationId, String participationId, String channel, java.time.Instant votedAt,
                        List<Answer> answers) {
    }
}
