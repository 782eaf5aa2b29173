package org.jekafo.integrity;

/**
 * One event as the store holds it: every column of its row, the payload and metadata as the stored bytes (after
 * the encryption of personal data, so erasing a member's key changes nothing here). {@code aggregateType},
 * {@code payloadRevision} and {@code metaData} may be null.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String aggregateType, String payloadType, String payloadRevision, String timestamp,
                          byte[] payload, byte[] metaData) {
}
