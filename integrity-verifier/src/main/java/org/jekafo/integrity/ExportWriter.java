package org.jekafo.integrity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Writes an export for the offline verifier, as NDJSON (one JSON object a line, UTF-8): a header line
 * ({@code record: "export"}, the first chain sequence and the chain hash before it), the stored events in
 * global-index order ({@code record: "event"}, payload and metadata in base64), the chain rows in chain order
 * ({@code record: "link"}, hashes in hex), and a last line ({@code record: "end"}) carrying the counts and the
 * SHA-256 of every byte before it. Streams: nothing is kept but the running digest.
 */
public final class ExportWriter {

    public static final String FORMAT = "jekafo-integrity-export-v1";

    private final OutputStream out;
    private final MessageDigest digest = ChainRule.digest();
    private long events;
    private long links;

    public ExportWriter(OutputStream out) {
        this.out = out;
    }

    /** The first line: where the exported chain starts (0 and {@link ChainRule#GENESIS} for the whole store). */
    public void header(long firstChainSequence, byte[] previousChainHash, String exportedAt) {
        line(new FlatJson().put("record", "export").put("format", FORMAT).put("firstChainSequence", firstChainSequence)
                .put("previousChainHash", ChainRule.hex(previousChainHash)).put("exportedAt", exportedAt).text());
    }

    public void event(StoredEvent event) {
        Base64.Encoder base64 = Base64.getEncoder();
        line(new FlatJson().put("record", "event").put("globalIndex", event.globalIndex())
                .put("eventIdentifier", event.eventIdentifier()).put("aggregateIdentifier", event.aggregateIdentifier())
                .put("sequenceNumber", event.sequenceNumber()).put("aggregateType", event.aggregateType())
                .put("payloadType", event.payloadType()).put("payloadRevision", event.payloadRevision())
                .put("timestamp", event.timestamp())
                .put("payload", event.payload() == null ? null : base64.encodeToString(event.payload()))
                .put("metaData", event.metaData() == null ? null : base64.encodeToString(event.metaData())).text());
        events++;
    }

    public void link(ChainLink link) {
        line(new FlatJson().put("record", "link").put("chainSequence", link.chainSequence())
                .put("globalIndex", link.globalIndex()).put("eventIdentifier", link.eventIdentifier())
                .put("aggregateIdentifier", link.aggregateIdentifier()).put("sequenceNumber", link.sequenceNumber())
                .put("payloadHash", ChainRule.hex(link.payloadHash())).put("metaDataHash", ChainRule.hex(link.metaDataHash()))
                .put("entryHash", ChainRule.hex(link.entryHash())).put("chainHash", ChainRule.hex(link.chainHash())).text());
        links++;
    }

    /** The last line, with the checksum of all the others; flushes. */
    public void finish() {
        String checksum = ChainRule.hex(digest.digest());
        write(new FlatJson().put("record", "end").put("events", events).put("links", links).put("sha256", checksum)
                .text() + "\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String json) {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        digest.update(bytes);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
