package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.EventName;

import java.util.List;

/** An open (attributable) ballot: who voted, through which channel (and which agent), and what. */
@EventName(value = "BallotCastEvent", revision = "1")
public record BallotCastEvent(@JsonProperty("participationId") String participationId,
                              @JsonProperty("consultationId") String consultationId,
                              @JsonProperty("memberId") @DataSubject String memberId,
                              @JsonProperty("channel") Channel channel, @JsonProperty("assistedBy") String assistedBy,
                              @JsonProperty("answers") List<Answer> answers, @JsonProperty("voter") VoterGroup voter) {
}
