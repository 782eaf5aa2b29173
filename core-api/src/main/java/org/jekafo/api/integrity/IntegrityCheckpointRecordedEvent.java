package org.jekafo.api.integrity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

/**
 * A checkpoint of the event chain was taken and signed: the chain's place (chain sequence, global index), its hash
 * there, the events chained up to it, the Merkle root over the chain up to it (blocks of {@code blockSize}), when,
 * the server's Ed25519 public key and its signature (base64). Its fields are those of integrity-verifier's
 * {@code Checkpoint}, whose JSON is published outside the system.
 */
@EventName(value = "IntegrityCheckpointRecordedEvent", revision = "1")
public record IntegrityCheckpointRecordedEvent(@JsonProperty("checkpointId") String checkpointId,
        @JsonProperty("chainSequence") long chainSequence, @JsonProperty("globalIndex") long globalIndex,
        @JsonProperty("eventCount") long eventCount, @JsonProperty("chainHash") String chainHash,
        @JsonProperty("merkleRoot") String merkleRoot, @JsonProperty("blockSize") int blockSize,
        @JsonProperty("recordedAt") String recordedAt, @JsonProperty("publicKey") String publicKey,
        @JsonProperty("signature") String signature) {
}
