package org.jekafo.integrity;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A checkpoint: the state of the chain at one place (its chain sequence and global index, the chain hash there,
 * how many events were chained up to it, the {@link MerkleRoot} over the chain up to it), when it was taken, and
 * the Ed25519 signature of all that by the server's key ({@code publicKey}: X.509 DER, base64). Published outside
 * the system, it lets anyone detect history rewritten later ({@link ChainVerification}). Its JSON form
 * ({@link #toJson}) is what is published; {@link #signedText} is what is signed.
 */
public record Checkpoint(String checkpointId, long chainSequence, long globalIndex, long eventCount, String chainHash,
                         String merkleRoot, int blockSize, String recordedAt, String publicKey, String signature) {

    /** Name of the format, first field of the JSON. */
    public static final String FORMAT = "jekafo-integrity-checkpoint-v1";

    /** The same checkpoint with {@code signature}. */
    public Checkpoint signed(String signature) {
        return new Checkpoint(checkpointId, chainSequence, globalIndex, eventCount, chainHash, merkleRoot, blockSize,
                recordedAt, publicKey, signature);
    }

    /** The bytes signed: every field but the signature, one {@code name=value} line each, in this order. */
    public byte[] signedText() {
        String text = "format=" + FORMAT + "\n"
                + "checkpointId=" + checkpointId + "\n"
                + "chainSequence=" + chainSequence + "\n"
                + "globalIndex=" + globalIndex + "\n"
                + "eventCount=" + eventCount + "\n"
                + "chainHash=" + chainHash + "\n"
                + "merkleRoot=" + merkleRoot + "\n"
                + "blockSize=" + blockSize + "\n"
                + "recordedAt=" + recordedAt + "\n"
                + "publicKey=" + publicKey + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The published form: one JSON object. */
    public String toJson() {
        return new FlatJson().put("format", FORMAT).put("checkpointId", checkpointId).put("chainSequence", chainSequence)
                .put("globalIndex", globalIndex).put("eventCount", eventCount).put("chainHash", chainHash)
                .put("merkleRoot", merkleRoot).put("blockSize", blockSize).put("recordedAt", recordedAt)
                .put("publicKey", publicKey).put("signature", signature).text();
    }

    /** Reads the published form; refuses another format or a missing field. */
    public static Checkpoint fromJson(String json) {
        Map<String, Object> fields = FlatJson.parse(json.strip());
        if (!FORMAT.equals(fields.get("format"))) {
            throw new IllegalArgumentException("Ce n'est pas un point de contrôle Jɛkafo (format « " + FORMAT
                    + " » attendu).");
        }
        return new Checkpoint(required(fields, "checkpointId"), FlatJson.number(fields, "chainSequence"),
                FlatJson.number(fields, "globalIndex"), FlatJson.number(fields, "eventCount"),
                required(fields, "chainHash"), required(fields, "merkleRoot"),
                Math.toIntExact(FlatJson.number(fields, "blockSize")), required(fields, "recordedAt"),
                required(fields, "publicKey"), required(fields, "signature"));
    }

    private static String required(Map<String, Object> fields, String name) {
        String value = FlatJson.text(fields, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Le champ « " + name + " » du point de contrôle manque.");
        }
        return value;
    }
}
