package org.jekafo.api.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventMetadata;
import org.jekafo.api.common.EventName;
import org.jekafo.api.common.MetadataKeys;

import java.util.List;

/**
 * A secret ballot in the ballot box: encrypted under the consultation's key with proofs that it is valid, its
 * receipt code, the voter's groups (for the breakdown; decrypted only for groups of 5 or more) and free-text
 * recommendations detached from the voter. Stored without who sent it and through which request.
 */
@EventName(value = "SecretBallotDepositedEvent", revision = "1")
@EventMetadata(without = {MetadataKeys.PRINCIPAL, MetadataKeys.ROLE, MetadataKeys.CHANNEL,
        MetadataKeys.CLIENT_COMMAND_ID, MetadataKeys.CAPTURED_AT, MetadataKeys.CORRELATION_ID,
        MetadataKeys.CAUSATION_ID})
public record SecretBallotDepositedEvent(@JsonProperty("ballotId") String ballotId,
                                         @JsonProperty("consultationId") String consultationId,
                                         @JsonProperty("ballot") String ballot, @JsonProperty("receipt") String receipt,
                                         @JsonProperty("voter") VoterGroup voter,
                                         @JsonProperty("recommendations") List<Answer> recommendations) {
}
