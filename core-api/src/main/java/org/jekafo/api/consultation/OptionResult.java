package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The votes for one option (or the blank votes of a question: {@code optionId} null), in all and per group; in a
 * secret consultation {@code proof} proves the total is the decryption of the published ballots' sum.
 */
public record OptionResult(@JsonProperty("optionId") String optionId, @JsonProperty("count") long count,
                           @JsonProperty("groups") List<GroupCount> groups, @JsonProperty("proof") String proof) {
}
