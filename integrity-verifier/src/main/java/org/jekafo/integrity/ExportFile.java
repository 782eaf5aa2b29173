package org.jekafo.integrity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * An export written by {@link ExportWriter}, read back from a file: {@link #open} checks its checksum line, then
 * its events and its chain rows are each read as a stream (the file is read once per stream, never held).
 */
public final class ExportFile {

    private final Path file;
    private final long firstChainSequence;
    private final byte[] previousChainHash;

    private ExportFile(Path file, long firstChainSequence, byte[] previousChainHash) {
        this.file = file;
        this.firstChainSequence = firstChainSequence;
        this.previousChainHash = previousChainHash;
    }

    /** Opens {@code file}, refusing it (IllegalArgumentException, French message) unless complete and unchanged. */
    public static ExportFile open(Path file) throws IOException {
        ByteLines lines = new ByteLines();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                lines.feed(buffer, read);
            }
        }
        String last = lines.lastLine();
        String header = lines.first;
        if (last == null || header == null) {
            throw new IllegalArgumentException("Export vide ou incomplet.");
        }
        Map<String, Object> end = FlatJson.parse(last);
        if (!"end".equals(end.get("record"))) {
            throw new IllegalArgumentException("Export incomplet : la dernière ligne (somme de contrôle) manque.");
        }
        if (!lines.checksumBeforeLast().equals(end.get("sha256"))) {
            throw new IllegalArgumentException("Somme de contrôle fausse : l'export a été modifié ou tronqué.");
        }
        Map<String, Object> first = FlatJson.parse(header);
        if (!"export".equals(first.get("record")) || !ExportWriter.FORMAT.equals(first.get("format"))) {
            throw new IllegalArgumentException("Ce n'est pas un export Jɛkafo (format « " + ExportWriter.FORMAT + " »).");
        }
        return new ExportFile(file, FlatJson.number(first, "firstChainSequence"),
                ChainRule.unhex(FlatJson.text(first, "previousChainHash")));
    }

    public long firstChainSequence() {
        return firstChainSequence;
    }

    public byte[] previousChainHash() {
        return previousChainHash;
    }

    /** The verification this export calls for: of the whole store, or of the range it holds. */
    public ChainVerification verification(Checkpoint checkpoint, String trustedKey, int maxFindings) {
        return firstChainSequence == 0
                ? ChainVerification.ofStore(checkpoint, trustedKey, maxFindings)
                : ChainVerification.ofRange(firstChainSequence, previousChainHash, checkpoint, trustedKey, maxFindings);
    }

    /** The stored events, in the file's order; close by reading to the end. */
    public Iterator<StoredEvent> events() throws IOException {
        return records("event", ExportFile::event);
    }

    /** The chain rows, in the file's order. */
    public Iterator<ChainLink> links() throws IOException {
        return records("link", ExportFile::link);
    }

    private <T> Iterator<T> records(String kind, Function<Map<String, Object>, T> parse) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        String prefix = "{\"record\":\"" + kind + "\"";
        return new ReadAhead<>() {
            @Override
            protected T read() {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        if (line.startsWith(prefix)) {
                            return parse.apply(FlatJson.parse(line));
                        }
                    }
                    reader.close();
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static StoredEvent event(Map<String, Object> fields) {
        Base64.Decoder base64 = Base64.getDecoder();
        String payload = FlatJson.text(fields, "payload");
        String metaData = FlatJson.text(fields, "metaData");
        return new StoredEvent(FlatJson.number(fields, "globalIndex"), FlatJson.text(fields, "eventIdentifier"),
                FlatJson.text(fields, "aggregateIdentifier"), FlatJson.number(fields, "sequenceNumber"),
                FlatJson.text(fields, "aggregateType"), FlatJson.text(fields, "payloadType"),
                FlatJson.text(fields, "payloadRevision"), FlatJson.text(fields, "timestamp"),
                payload == null ? null : base64.decode(payload), metaData == null ? null : base64.decode(metaData));
    }

    private static ChainLink link(Map<String, Object> fields) {
        return new ChainLink(FlatJson.number(fields, "chainSequence"), FlatJson.number(fields, "globalIndex"),
                FlatJson.text(fields, "eventIdentifier"), FlatJson.text(fields, "aggregateIdentifier"),
                FlatJson.number(fields, "sequenceNumber"), ChainRule.unhex(FlatJson.text(fields, "payloadHash")),
                ChainRule.unhex(FlatJson.text(fields, "metaDataHash")), ChainRule.unhex(FlatJson.text(fields, "entryHash")),
                ChainRule.unhex(FlatJson.text(fields, "chainHash")));
    }

    /**
     * Splits a byte stream into lines keeping only what the check needs: the first line, the line being read, and
     * the one before it (each line is digested once the next one ends, so the last line never is).
     */
    private static final class ByteLines {
        private final MessageDigest settled = ChainRule.digest();
        private String first;
        private ByteArrayOutputStream current = new ByteArrayOutputStream();
        private byte[] previousLine;

        void feed(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                current.write(b);
                if (b == '\n') {
                    endLine();
                }
            }
        }

        private void endLine() {
            byte[] line = current.toByteArray();
            current = new ByteArrayOutputStream();
            if (first == null) {
                first = new String(line, StandardCharsets.UTF_8).strip();
            }
            if (previousLine != null) {
                settled.update(previousLine);
            }
            previousLine = line;
        }

        String lastLine() {
            if (current.size() > 0) {
                endLine();
            }
            return previousLine == null ? null : new String(previousLine, StandardCharsets.UTF_8).strip();
        }

        /** SHA-256 (hex) of every line but the last, once {@link #lastLine} was called. */
        String checksumBeforeLast() {
            return ChainRule.hex(settled.digest());
        }
    }
}
