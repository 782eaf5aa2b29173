package org.jekafo.integrity;

/**
 * One row of the chain: the {@code chainSequence}-th event chained (0, 1, 2… with no gap), where it was in the
 * store, the hashes of its payload, of its metadata and of the whole row ({@link ChainRule#entry}), and the chain
 * hash up to it ({@link ChainRule#link}). Hashes are 32 bytes.
 */
public record ChainLink(long chainSequence, long globalIndex, String eventIdentifier, String aggregateIdentifier,
                        long sequenceNumber, byte[] payloadHash, byte[] metaDataHash, byte[] entryHash,
                        byte[] chainHash) {
}
