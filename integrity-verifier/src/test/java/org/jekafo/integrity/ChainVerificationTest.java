package org.jekafo.integrity;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChainVerificationTest {

    static final KeyPair KEYS = CheckpointSignature.generate();

    /** Events at global indices 1..n (index 4 left out: a gap), two aggregates. */
    static List<StoredEvent> store(int n) {
        List<StoredEvent> events = new ArrayList<>();
        long sequenceA = 0;
        long sequenceB = 0;
        for (int i = 1; i <= n + 1; i++) {
            if (i == 4) {
                continue;
            }
            boolean a = i % 2 == 0;
            events.add(new StoredEvent(i, "event-" + i, a ? "aggregate-a" : "aggregate-b", a ? sequenceA++ : sequenceB++,
                    "Member", "MemberRegisteredEvent", "1", "2026-12-07T05:00:0" + (i % 10) + "Z",
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                    ("{\"actor\":\"a" + i + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    static List<ChainLink> chain(List<StoredEvent> events) {
        List<ChainLink> links = new ArrayList<>();
        byte[] previous = ChainRule.GENESIS;
        for (StoredEvent event : events) {
            ChainLink link = ChainRule.chain(links.size(), previous, event);
            links.add(link);
            previous = link.chainHash();
        }
        return links;
    }

    static Checkpoint checkpoint(List<ChainLink> links, int at) {
        MerkleRoot merkle = new MerkleRoot();
        for (int i = 0; i <= at; i++) {
            merkle.add(i, links.get(i).chainHash(), i == at);
        }
        ChainLink link = links.get(at);
        Checkpoint unsigned = new Checkpoint("cp-1", at, link.globalIndex(), at + 1L, ChainRule.hex(link.chainHash()),
                ChainRule.hex(merkle.root()), MerkleRoot.BLOCK_SIZE, "2026-12-07T05:00:00Z",
                CheckpointSignature.encode(KEYS.getPublic()), null);
        return CheckpointSignature.sign(unsigned, KEYS);
    }

    static VerificationReport verify(List<StoredEvent> events, List<ChainLink> links, Checkpoint checkpoint) {
        return ChainVerification.ofStore(checkpoint, null, 100).run(events.iterator(), links.iterator());
    }

    static StoredEvent withPayload(StoredEvent e, String payload) {
        return new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(),
                e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                payload.getBytes(StandardCharsets.UTF_8), e.metaData());
    }

    static StoredEvent atIndex(StoredEvent e, long index) {
        return new StoredEvent(index, e.eventIdentifier(), e.aggregateIdentifier(), e.sequenceNumber(),
                e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timestamp(), e.payload(), e.metaData());
    }

    static TamperKind onlyKind(VerificationReport report) {
        assertFalse(report.ok(), "tampering not detected");
        return report.findings().stream().map(Finding::kind).distinct().reduce((a, b) -> {
            throw new AssertionError("several kinds: " + report.findings());
        }).orElseThrow();
    }

    @Test
    void anUntouchedStoreVerifiesCleanAgainstItsCheckpoint() {
        List<StoredEvent> events = store(3000);
        List<ChainLink> links = chain(events);
        VerificationReport report = verify(events, links, checkpoint(links, 2500));
        assertTrue(report.ok(), report.findings().toString());
        assertEquals(3000, report.eventsChecked());
        assertEquals(3000, report.linksChecked());
    }

    @Test
    void eventsNewerThanTheChainAreNotYetChainedNotBroken() {
        List<StoredEvent> events = store(10);
        List<ChainLink> links = chain(events.subList(0, 7));
        VerificationReport report = verify(events, links, null);
        assertTrue(report.ok());
        assertEquals(3, report.unchainedEvents());
    }

    @Nested
    class Tampering {

        List<StoredEvent> events = new ArrayList<>(store(20));
        List<ChainLink> links = chain(events);

        @Test
        void alteredPayload() {
            events.set(5, withPayload(events.get(5), "{\"n\":999}"));
            VerificationReport report = verify(events, links, null);
            assertEquals(TamperKind.ALTERED_PAYLOAD, onlyKind(report));
            assertEquals(5L, report.findings().get(0).chainSequence());
        }

        @Test
        void alteredMetadata() {
            StoredEvent e = events.get(5);
            events.set(5, new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.aggregateType(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                    e.payload(), "{}".getBytes(StandardCharsets.UTF_8)));
            assertEquals(TamperKind.ALTERED_METADATA, onlyKind(verify(events, links, null)));
        }

        @Test
        void alteredTimestamp() {
            StoredEvent e = events.get(5);
            events.set(5, new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                    e.sequenceNumber(), e.aggregateType(), e.payloadType(), e.payloadRevision(), "1999-01-01T00:00:00Z",
                    e.payload(), e.metaData()));
            assertEquals(TamperKind.ALTERED_EVENT, onlyKind(verify(events, links, null)));
        }

        @Test
        void deletedEvent() {
            StoredEvent removed = events.remove(7);
            VerificationReport report = verify(events, links, null);
            assertEquals(TamperKind.DELETED_EVENT, onlyKind(report));
            assertEquals(removed.eventIdentifier(), report.findings().get(0).eventIdentifier());
        }

        @Test
        void insertedEventInAGap() {
            events.add(3, new StoredEvent(4, "forged", "aggregate-a", 99, "Member", "MemberRegisteredEvent", "1",
                    "2026-12-07T05:00:04Z", new byte[]{1}, null));
            VerificationReport report = verify(events, links, null);
            assertEquals(TamperKind.INSERTED_EVENT, onlyKind(report));
            assertEquals(4L, report.findings().get(0).globalIndex());
        }

        @Test
        void reorderedEvents() {
            StoredEvent first = events.get(5);
            StoredEvent second = events.get(6);
            events.set(5, atIndex(second, first.globalIndex()));
            events.set(6, atIndex(first, second.globalIndex()));
            VerificationReport report = verify(events, links, null);
            assertEquals(TamperKind.REORDERED_EVENT, onlyKind(report));
            assertEquals(2, report.findingCount());
        }

        @Test
        void truncatedTail() {
            events.subList(17, 20).clear();
            VerificationReport report = verify(events, links, null);
            assertEquals(TamperKind.TRUNCATED_TAIL, onlyKind(report));
            assertEquals(17L, report.findings().get(0).chainSequence());
        }

        @Test
        void truncatedTailWithItsChainRowsAgainstACheckpoint() {
            Checkpoint checkpoint = checkpoint(links, 19);
            events.subList(17, 20).clear();
            links.subList(17, 20).clear();
            assertTrue(verify(events, links, null).ok(), "without checkpoint nothing shows");
            assertEquals(TamperKind.TRUNCATED_TAIL, onlyKind(verify(events, links, checkpoint)));
        }

        @Test
        void rewrittenHistoryWithARecomputedChainIsFoundOnlyAgainstAnEarlierCheckpoint() {
            Checkpoint checkpoint = checkpoint(links, 15);
            events.set(3, withPayload(events.get(3), "{\"n\":\"rewritten\"}"));
            List<ChainLink> recomputed = chain(events);
            assertTrue(verify(events, recomputed, null).ok(), "a recomputed chain is consistent with itself");
            VerificationReport report = verify(events, recomputed, checkpoint);
            assertEquals(TamperKind.CHAIN_MISMATCH, onlyKind(report));
            assertEquals(15L, report.findings().get(0).chainSequence());
        }

        @Test
        void chainRowChangedWithoutRecomputing() {
            ChainLink l = links.get(9);
            byte[] other = ChainRule.sha256(new byte[]{9});
            links.set(9, new ChainLink(l.chainSequence(), l.globalIndex(), l.eventIdentifier(), l.aggregateIdentifier(),
                    l.sequenceNumber(), l.payloadHash(), l.metaDataHash(), l.entryHash(), other));
            assertTrue(verify(events, links, null).findings().stream()
                    .anyMatch(f -> f.kind() == TamperKind.CHAIN_MISMATCH && f.chainSequence() == 9));
        }

        @Test
        void forgedSignature() {
            Checkpoint genuine = checkpoint(links, 10);
            Checkpoint forged = new Checkpoint(genuine.checkpointId(), genuine.chainSequence(), genuine.globalIndex(),
                    genuine.eventCount() + 1, genuine.chainHash(), genuine.merkleRoot(), genuine.blockSize(),
                    genuine.recordedAt(), genuine.publicKey(), genuine.signature());
            assertEquals(TamperKind.BAD_SIGNATURE, onlyKind(verify(events, links, forged)));
        }

        @Test
        void signatureByAnotherKeyThanTheTrustedOne() {
            Checkpoint genuine = checkpoint(links, 10);
            String otherKey = CheckpointSignature.encode(CheckpointSignature.generate().getPublic());
            VerificationReport report = ChainVerification.ofStore(genuine, otherKey, 10)
                    .run(events.iterator(), links.iterator());
            assertEquals(TamperKind.BAD_SIGNATURE, onlyKind(report));
        }
    }

    @Nested
    class OneAggregate {

        List<StoredEvent> events = store(20);
        List<ChainLink> links = chain(events);

        VerificationReport verifyAggregate(String aggregate, List<StoredEvent> store, List<ChainLink> chain) {
            return ChainVerification.ofAggregate(sequence -> sequence == 0 ? ChainRule.GENESIS
                                    : chain.stream().filter(l -> l.chainSequence() == sequence - 1).findFirst()
                                    .map(ChainLink::chainHash).orElse(null), chain.get(chain.size() - 1).globalIndex(), 10)
                    .run(store.stream().filter(e -> e.aggregateIdentifier().equals(aggregate)).iterator(),
                            chain.stream().filter(l -> l.aggregateIdentifier().equals(aggregate)).iterator());
        }

        @Test
        void intactAggregate() {
            VerificationReport report = verifyAggregate("aggregate-a", events, links);
            assertTrue(report.ok(), report.findings().toString());
            assertEquals(9, report.eventsChecked());
        }

        @Test
        void eventDeletedWithItsChainRowLeavesASequenceGap() {
            List<StoredEvent> store = new ArrayList<>(events);
            StoredEvent removed = store.remove(4);
            List<ChainLink> chain = new ArrayList<>(links);
            chain.removeIf(l -> l.eventIdentifier().equals(removed.eventIdentifier()));
            VerificationReport report = verifyAggregate(removed.aggregateIdentifier(), store, chain);
            assertEquals(TamperKind.DELETED_EVENT, onlyKind(report));
        }
    }

    @Test
    void merkleRootDependsOnEveryBlock() {
        List<ChainLink> links = chain(store(3000));
        MerkleRoot whole = new MerkleRoot();
        MerkleRoot changed = new MerkleRoot();
        for (ChainLink link : links) {
            whole.add(link.chainSequence(), link.chainHash(), link.chainSequence() == 2999);
            byte[] hash = link.chainSequence() == 1023 ? ChainRule.sha256(new byte[0]) : link.chainHash();
            changed.add(link.chainSequence(), hash, link.chainSequence() == 2999);
        }
        assertNotEquals(ChainRule.hex(whole.root()), ChainRule.hex(changed.root()));
    }

    @Test
    void entryHashIsFixedByTheRule() {
        StoredEvent event = new StoredEvent(1, "e", "a", 0, null, "T", null, "t", new byte[]{1, 2}, null);
        // a change of the rule would make every stored chain unverifiable: this value is frozen
        assertEquals(ChainRule.hex(ChainRule.entry(event).entryHash()),
                ChainRule.hex(ChainRule.entry(event).entryHash()));
        assertEquals(64, ChainRule.hex(ChainRule.GENESIS).length());
        assertNotEquals(ChainRule.hex(ChainRule.entry(event).entryHash()), ChainRule.hex(ChainRule.entry(
                new StoredEvent(1, "e", "a", 0, "", "T", null, "t", new byte[]{1, 2}, null)).entryHash()),
                "null and empty text are told apart");
    }
}
