package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.EventName;

/**
 * A member took part in a secret consultation: who, through which channel, assisted by whom. Never what: the
 * ballot is stored apart ({@link SecretBallotDepositedEvent}) and names no one.
 */
@EventName(value = "ParticipationRecordedEvent", revision = "1")
public record ParticipationRecordedEvent(@JsonProperty("participationId") String participationId,
                                         @JsonProperty("consultationId") String consultationId,
                                         @JsonProperty("memberId") @DataSubject String memberId,
                                         @JsonProperty("channel") Channel channel,
                                         @JsonProperty("assistedBy") String assistedBy) {
}
