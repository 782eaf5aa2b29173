package org.jekafo.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chaining rule, version 1. An event's entry hash is SHA-256 over a length-prefixed encoding of its stored
 * row: the tag {@code jekafo-event-v1}, global index, event identifier, aggregate identifier, sequence number,
 * aggregate type, payload type, payload revision, timestamp text, then SHA-256 of the payload bytes and SHA-256 of
 * the metadata bytes. Each text is its UTF-8 bytes behind a 4-byte big-endian length (-1 for null), each number 8
 * bytes big-endian. Hashing the payload and metadata first binds their bytes just as well, and lets the chain row
 * keep both digests, so a verification can say which of the two changed. The chain hash of the n-th event is
 * SHA-256(chain hash of the (n-1)-th || its entry hash), from {@link #GENESIS} = SHA-256("jekafo-chain-genesis-v1").
 */
public final class ChainRule {

    /** The chain hash "before" the first event. */
    public static final byte[] GENESIS = sha256("jekafo-chain-genesis-v1".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] TAG = "jekafo-event-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_HASH = sha256(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private ChainRule() {
    }

    /** The three digests of one stored row. */
    public record Entry(byte[] payloadHash, byte[] metaDataHash, byte[] entryHash) {
    }

    /** The digests of {@code event} as stored. */
    public static Entry entry(StoredEvent event) {
        byte[] payloadHash = sha256(event.payload() == null ? new byte[0] : event.payload());
        byte[] metaDataHash = event.metaData() == null ? EMPTY_HASH : sha256(event.metaData());
        return new Entry(payloadHash, metaDataHash, entryHash(event, payloadHash, metaDataHash));
    }

    /** The entry hash of {@code event}'s columns with these payload and metadata digests. */
    public static byte[] entryHash(StoredEvent event, byte[] payloadHash, byte[] metaDataHash) {
        MessageDigest digest = digest();
        digest.update(TAG);
        number(digest, event.globalIndex());
        text(digest, event.eventIdentifier());
        text(digest, event.aggregateIdentifier());
        number(digest, event.sequenceNumber());
        text(digest, event.aggregateType());
        text(digest, event.payloadType());
        text(digest, event.payloadRevision());
        text(digest, event.timestamp());
        digest.update(payloadHash);
        digest.update(metaDataHash);
        return digest.digest();
    }

    /** The chain hash following {@code previous} for an event of entry hash {@code entryHash}. */
    public static byte[] link(byte[] previous, byte[] entryHash) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(entryHash);
        return digest.digest();
    }

    /** The chain row of {@code event}, chained at {@code chainSequence} after the chain hash {@code previous}. */
    public static ChainLink chain(long chainSequence, byte[] previous, StoredEvent event) {
        Entry entry = entry(event);
        return new ChainLink(chainSequence, event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), entry.payloadHash(), entry.metaDataHash(), entry.entryHash(),
                link(previous, entry.entryHash()));
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String text) {
        return HEX.parseHex(text);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void number(MessageDigest digest, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }

    private static void text(MessageDigest digest, String value) {
        if (value == null) {
            length(digest, -1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        length(digest, bytes.length);
        digest.update(bytes);
    }

    private static void length(MessageDigest digest, int value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            digest.update((byte) (value >>> shift));
        }
    }
}
