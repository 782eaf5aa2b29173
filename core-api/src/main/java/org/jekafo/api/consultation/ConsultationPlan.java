package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.Channel;

import java.time.Instant;
import java.util.List;

/**
 * Everything a consultation's owner decides before it opens: texts in French (Bambara optional), questions, who may
 * vote, the ballot mode, the channels ballots may come through, opening and closing times and the quorum (the
 * minimum turnout, in percent of the eligible members; 0 for none).
 */
public record ConsultationPlan(@JsonProperty("title") String title, @JsonProperty("titleBm") String titleBm,
                               @JsonProperty("description") String description,
                               @JsonProperty("descriptionBm") String descriptionBm,
                               @JsonProperty("questions") List<Question> questions,
                               @JsonProperty("eligibility") Eligibility eligibility,
                               @JsonProperty("mode") BallotMode mode,
                               @JsonProperty("channels") List<Channel> channels,
                               @JsonProperty("opensAt") Instant opensAt, @JsonProperty("closesAt") Instant closesAt,
                               @JsonProperty("quorumPercent") int quorumPercent) {
}
