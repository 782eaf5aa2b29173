package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jekafo.api.common.Channel;

import java.util.List;

/**
 * A member's ballot, from any channel: the portal (the member), a field agent (the member present; the agent is
 * recorded as {@code assistedBy}), or a phone adapter (SMS, USSD) that identified the member. The participation's
 * identifier is {@link Participations#id(String, String)}: one per member and consultation, so a second ballot
 * finds it taken.
 */
public record CastBallotCommand(@TargetAggregateIdentifier String participationId, String consultationId,
                                String memberId, List<Answer> answers, Channel channel, String assistedBy) {

    public static CastBallotCommand of(String consultationId, String memberId, List<Answer> answers, Channel channel,
                                       String assistedBy) {
        return new CastBallotCommand(Participations.id(consultationId, memberId), consultationId, memberId, answers,
                channel, assistedBy);
    }
}
