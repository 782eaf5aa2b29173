package org.jekafo.integrity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierCliTest {

    @TempDir
    Path folder;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    List<StoredEvent> events = new ArrayList<>(ChainVerificationTest.store(50));
    List<ChainLink> links = ChainVerificationTest.chain(events);
    Checkpoint checkpoint = ChainVerificationTest.checkpoint(links, 40);

    Path export(List<StoredEvent> store, List<ChainLink> chain) throws IOException {
        Path file = folder.resolve("store.ndjson");
        try (OutputStream stream = Files.newOutputStream(file)) {
            ExportWriter writer = new ExportWriter(stream);
            writer.header(0, ChainRule.GENESIS, "2026-12-07T06:00:00Z");
            store.forEach(writer::event);
            chain.forEach(writer::link);
            writer.finish();
        }
        return file;
    }

    Path checkpointFile() throws IOException {
        return Files.writeString(folder.resolve("checkpoint.json"), checkpoint.toJson());
    }

    int run(String... args) {
        return VerifierCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactExportVerifiesAgainstItsCheckpointWithExitCode0() throws IOException {
        int code = run("--export", export(events, links).toString(), "--checkpoint", checkpointFile().toString(),
                "--public-key", checkpoint.publicKey());
        assertEquals(0, code, printed() + err);
        assertTrue(printed().startsWith("OK : 50 événements, 50 maillons"), printed());
    }

    @Test
    void aRewrittenAndRechainedStoreFailsAgainstTheCheckpointWithExitCode1() throws IOException {
        events.set(10, ChainVerificationTest.withPayload(events.get(10), "{\"n\":\"réécrit\"}"));
        int code = run("--export", export(events, ChainVerificationTest.chain(events)).toString(),
                "--checkpoint", checkpointFile().toString());
        assertEquals(1, code);
        assertTrue(printed().contains("CHAIN_MISMATCH position 40"), printed());
    }

    @Test
    void eachBrokenPlaceIsPrinted() throws IOException {
        events.set(10, ChainVerificationTest.withPayload(events.get(10), "{}"));
        events.remove(20);
        assertEquals(1, run("--export", export(events, links).toString()));
        assertTrue(printed().contains("ALTERED_PAYLOAD position 10"), printed());
        assertTrue(printed().contains("DELETED_EVENT position 20"), printed());
    }

    @Test
    void anExportChangedAfterItsChecksumIsUnusableWithExitCode2() throws IOException {
        Path file = export(events, links);
        String text = Files.readString(file).replace("\"sequenceNumber\":3,", "\"sequenceNumber\":4,");
        Files.writeString(file, text);
        assertEquals(2, run("--export", file.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Somme de contrôle fausse"));
    }

    @Test
    void aForgedCheckpointIsABadSignature() throws IOException {
        Files.writeString(folder.resolve("checkpoint.json"), checkpoint.toJson().replace("\"eventCount\":41",
                "\"eventCount\":42"));
        assertEquals(1, run("--export", export(events, links).toString(), "--checkpoint",
                folder.resolve("checkpoint.json").toString()));
        assertTrue(printed().contains("BAD_SIGNATURE"), printed());
    }

    @Test
    void aRangeExportVerifiesFromTheChainHashBeforeIt() throws IOException {
        Path file = folder.resolve("range.ndjson");
        try (OutputStream stream = Files.newOutputStream(file)) {
            ExportWriter writer = new ExportWriter(stream);
            writer.header(10, links.get(9).chainHash(), "2026-12-07T06:00:00Z");
            events.subList(10, 50).forEach(writer::event);
            links.subList(10, 50).forEach(writer::link);
            writer.finish();
        }
        assertEquals(0, run("--export", file.toString(), "--checkpoint", checkpointFile().toString()), printed());

        List<StoredEvent> otherHistory = new ArrayList<>(events);
        otherHistory.set(5, ChainVerificationTest.withPayload(otherHistory.get(5), "{\"n\":\"autre\"}"));
        Files.writeString(folder.resolve("other.json"), ChainVerificationTest.checkpoint(
                ChainVerificationTest.chain(otherHistory), 40).toJson());
        assertEquals(1, run("--export", file.toString(), "--checkpoint", folder.resolve("other.json").toString()));
        assertTrue(printed().contains("CHAIN_MISMATCH position 40"), printed());
    }

    @Test
    void missingExportIsAUsageError() {
        assertEquals(2, run("--checkpoint", "x.json"));
    }
}
