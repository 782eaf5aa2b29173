package org.jekafo.integrity;

/** What a verification found broken at one place. */
public enum TamperKind {
    /** The stored payload bytes differ from those chained. */
    ALTERED_PAYLOAD,
    /** The stored metadata bytes differ from those chained. */
    ALTERED_METADATA,
    /** Another column of the row differs from what was chained (identifier, aggregate, type, time…). */
    ALTERED_EVENT,
    /** A chained event is missing from the store. */
    DELETED_EVENT,
    /** An event is in the store at a place the chain passed over (below its head) without being chained. */
    INSERTED_EVENT,
    /** The event at a chained place is another event than the one chained there. */
    REORDERED_EVENT,
    /** The last chained events (or, against a checkpoint, the last checkpointed ones) are gone. */
    TRUNCATED_TAIL,
    /** The chain rows themselves were changed: a link that does not follow from the previous one, or a chain that
     * differs from a checkpoint (rewritten and recomputed). */
    CHAIN_MISMATCH,
    /** The checkpoint's signature is not valid, or not by the trusted key. */
    BAD_SIGNATURE
}
