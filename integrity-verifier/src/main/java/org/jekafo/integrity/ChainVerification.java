package org.jekafo.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The verification, one pass over the stored events (in global-index order) and the chain rows (in chain order),
 * merged on the global index, in constant memory. At each place:
 * <ul>
 *   <li>the chain row must follow from the one before it ({@link ChainRule#link}) and the sequences be dense, else
 *   {@link TamperKind#CHAIN_MISMATCH};</li>
 *   <li>the stored event at its global index must be the event chained, with the same payload, metadata and other
 *   columns ({@link TamperKind#REORDERED_EVENT}, {@link TamperKind#ALTERED_PAYLOAD}, {@link TamperKind#ALTERED_METADATA},
 *   {@link TamperKind#ALTERED_EVENT}), and be there at all ({@link TamperKind#DELETED_EVENT}; the chain's last
 *   places all without their events: {@link TamperKind#TRUNCATED_TAIL});</li>
 *   <li>a stored event without a chain row below the chain's head is {@link TamperKind#INSERTED_EVENT}; above it,
 *   not chained yet.</li>
 * </ul>
 * Against a {@link Checkpoint}: its signature ({@link TamperKind#BAD_SIGNATURE}), and the chain must reach it
 * ({@link TamperKind#TRUNCATED_TAIL}) with the same chain hash, global index and Merkle root there
 * ({@link TamperKind#CHAIN_MISMATCH}). A store whose events were rewritten together with every chain row after
 * them is consistent with itself: only that comparison detects it.
 *
 * <p>Three scopes: the whole chain from its first row, a range of it starting after a given chain hash (an
 * export of a range), or the events of one aggregate ({@link #ofAggregate}), whose chain rows are not contiguous:
 * each row's predecessor hash is then looked up, and the aggregate's sequence numbers must be dense from 0.
 */
public final class ChainVerification {

    /** At most this many chain rows of a missing run are named one by one. */
    private static final int RUN_LIMIT = 1000;

    private final Checkpoint checkpoint;
    private final String trustedKey;
    private final int maxFindings;
    private final long firstChainSequence;
    private final byte[] previousChainHash;
    private final LongFunction<byte[]> predecessors;
    private final long chainHeadIndex;

    private final List<Finding> findings = new ArrayList<>();
    private long findingCount;

    private ChainVerification(Checkpoint checkpoint, String trustedKey, int maxFindings, long firstChainSequence,
                              byte[] previousChainHash, LongFunction<byte[]> predecessors, long chainHeadIndex) {
        this.checkpoint = checkpoint;
        this.trustedKey = trustedKey;
        this.maxFindings = maxFindings;
        this.firstChainSequence = firstChainSequence;
        this.previousChainHash = previousChainHash;
        this.predecessors = predecessors;
        this.chainHeadIndex = chainHeadIndex;
    }

    /** The whole chain, from its first row; {@code checkpoint} and {@code trustedKey} may be null. */
    public static ChainVerification ofStore(Checkpoint checkpoint, String trustedKey, int maxFindings) {
        return new ChainVerification(checkpoint, trustedKey, maxFindings, 0, ChainRule.GENESIS, null, -1);
    }

    /** The chain from row {@code firstChainSequence}, whose predecessor's chain hash is {@code previousChainHash}. */
    public static ChainVerification ofRange(long firstChainSequence, byte[] previousChainHash, Checkpoint checkpoint,
                                            String trustedKey, int maxFindings) {
        return new ChainVerification(checkpoint, trustedKey, maxFindings, firstChainSequence, previousChainHash, null, -1);
    }

    /**
     * One aggregate's events and chain rows; {@code predecessors} gives the chain hash of the row before a chain
     * sequence ({@link ChainRule#GENESIS} before 0), {@code chainHeadIndex} the global index of the chain's last row.
     */
    public static ChainVerification ofAggregate(LongFunction<byte[]> predecessors, long chainHeadIndex, int maxFindings) {
        return new ChainVerification(null, null, maxFindings, 0, null, predecessors, chainHeadIndex);
    }

    /** Runs the verification over {@code events} (by global index) and {@code links} (by chain sequence). */
    public VerificationReport run(Iterator<StoredEvent> events, Iterator<ChainLink> links) {
        long started = System.nanoTime();
        boolean aggregate = predecessors != null;
        if (checkpoint != null && !CheckpointSignature.verify(checkpoint, trustedKey)) {
            add(TamperKind.BAD_SIGNATURE, checkpoint.chainSequence(), checkpoint.globalIndex(), null, null,
                    "La signature du point de contrôle " + checkpoint.checkpointId() + " est invalide"
                            + (trustedKey == null ? "." : " ou n'est pas celle de la clé attendue."));
        }
        MerkleRoot merkle = checkpoint != null && firstChainSequence == 0 ? new MerkleRoot() : null;
        boolean checkpointReached = false;
        byte[] previous = previousChainHash;
        long expectedSequence = firstChainSequence;
        long lastIndex = Long.MIN_VALUE;
        long lastSequence = firstChainSequence - 1;
        long eventsChecked = 0;
        long linksChecked = 0;
        long expectedAggregateSequence = 0;
        List<ChainLink> missingRun = new ArrayList<>();
        long missingRunLength = 0;
        StoredEvent event = next(events);
        while (links.hasNext()) {
            ChainLink link = links.next();
            linksChecked++;
            if (aggregate) {
                previous = predecessors.apply(link.chainSequence());
            } else if (link.chainSequence() != expectedSequence) {
                add(TamperKind.CHAIN_MISMATCH, link.chainSequence(), link.globalIndex(), link.eventIdentifier(),
                        link.aggregateIdentifier(), "La chaîne saute de la position " + (expectedSequence - 1) + " à la position "
                                + link.chainSequence() + " : des maillons ont été supprimés ou ajoutés.");
            }
            if (link.globalIndex() <= lastIndex) {
                add(TamperKind.CHAIN_MISMATCH, link.chainSequence(), link.globalIndex(), link.eventIdentifier(),
                        link.aggregateIdentifier(), "Les maillons de la chaîne ne suivent plus l'ordre du magasin.");
            }
            if (previous == null || !Arrays.equals(link.chainHash(), ChainRule.link(previous, link.entryHash()))) {
                add(TamperKind.CHAIN_MISMATCH, link.chainSequence(), link.globalIndex(), link.eventIdentifier(),
                        link.aggregateIdentifier(), "Ce maillon ne découle pas du précédent : la chaîne a été modifiée ici.");
            }
            while (event != null && event.globalIndex() < link.globalIndex()) {
                inserted(event);
                if (aggregate) {
                    expectedAggregateSequence = sequence(event.sequenceNumber(), expectedAggregateSequence, event);
                }
                eventsChecked++;
                event = next(events);
            }
            if (event != null && event.globalIndex() == link.globalIndex()) {
                flushDeleted(missingRun, missingRunLength);
                missingRun.clear();
                missingRunLength = 0;
                compare(event, link);
                if (aggregate) {
                    expectedAggregateSequence = sequence(event.sequenceNumber(), expectedAggregateSequence, event);
                }
                eventsChecked++;
                event = next(events);
            } else {
                missingRunLength++;
                if (missingRun.size() < RUN_LIMIT) {
                    missingRun.add(link);
                }
                if (aggregate) {
                    expectedAggregateSequence = Math.max(expectedAggregateSequence, link.sequenceNumber() + 1);
                }
            }
            if (merkle != null && link.chainSequence() <= checkpoint.chainSequence()) {
                merkle.add(link.chainSequence(), link.chainHash(), link.chainSequence() == checkpoint.chainSequence());
            }
            if (checkpoint != null && link.chainSequence() == checkpoint.chainSequence()) {
                checkpointReached = true;
                compareWithCheckpoint(link, merkle);
            }
            previous = link.chainHash();
            expectedSequence = link.chainSequence() + 1;
            lastIndex = link.globalIndex();
            lastSequence = link.chainSequence();
        }
        if (missingRunLength > 0) {
            if (aggregate) {
                flushDeleted(missingRun, missingRunLength);
            } else {
                ChainLink first = missingRun.get(0);
                add(TamperKind.TRUNCATED_TAIL, first.chainSequence(), first.globalIndex(), first.eventIdentifier(),
                        first.aggregateIdentifier(), "Les " + missingRunLength + " derniers événements enchaînés, à partir "
                                + "de la position " + first.chainSequence() + ", manquent au magasin : la fin de "
                                + "l'historique a été coupée.");
            }
        }
        long unchained = 0;
        long head = aggregate ? chainHeadIndex : lastIndex;
        while (event != null) {
            if (event.globalIndex() < head) {
                inserted(event);
            } else {
                unchained++;
            }
            if (aggregate) {
                expectedAggregateSequence = sequence(event.sequenceNumber(), expectedAggregateSequence, event);
            }
            eventsChecked++;
            event = next(events);
        }
        if (checkpoint != null && !checkpointReached && !aggregate) {
            if (checkpoint.chainSequence() > lastSequence) {
                add(TamperKind.TRUNCATED_TAIL, lastSequence + 1, null, null, null, "Le point de contrôle "
                        + checkpoint.checkpointId() + " compte " + checkpoint.eventCount() + " événements enchaînés ; la "
                        + "chaîne s'arrête à la position " + lastSequence + " : la fin de l'historique a été coupée.");
            } else if (checkpoint.chainSequence() >= firstChainSequence) {
                add(TamperKind.CHAIN_MISMATCH, checkpoint.chainSequence(), checkpoint.globalIndex(), null, null,
                        "La position " + checkpoint.chainSequence() + " du point de contrôle manque à la chaîne.");
            }
        }
        return new VerificationReport(List.copyOf(findings), findingCount, eventsChecked, linksChecked, unchained,
                lastSequence, lastIndex == Long.MIN_VALUE ? -1 : lastIndex, System.nanoTime() - started);
    }

    private void compare(StoredEvent event, ChainLink link) {
        ChainRule.Entry entry = ChainRule.entry(event);
        boolean samePayload = Arrays.equals(entry.payloadHash(), link.payloadHash());
        boolean sameMetaData = Arrays.equals(entry.metaDataHash(), link.metaDataHash());
        if (!event.eventIdentifier().equals(link.eventIdentifier())) {
            if (samePayload && sameMetaData) {
                add(TamperKind.ALTERED_EVENT, link, "L'identifiant de l'événement a été changé (enchaîné : "
                        + link.eventIdentifier() + ", stocké : " + event.eventIdentifier() + ").");
            } else {
                add(TamperKind.REORDERED_EVENT, link, "L'événement stocké à cette position (" + event.eventIdentifier()
                        + ") n'est pas celui qui y a été enchaîné (" + link.eventIdentifier()
                        + ") : des événements ont été déplacés ou remplacés.");
            }
            return;
        }
        if (!samePayload) {
            add(TamperKind.ALTERED_PAYLOAD, link, "Le contenu (payload) de l'événement a été modifié depuis son enchaînement.");
        }
        if (!sameMetaData) {
            add(TamperKind.ALTERED_METADATA, link, "Les métadonnées de l'événement ont été modifiées depuis son enchaînement.");
        }
        if (samePayload && sameMetaData && !Arrays.equals(entry.entryHash(), link.entryHash())) {
            add(TamperKind.ALTERED_EVENT, link, "Une colonne de l'événement (agrégat, séquence, type ou date) a été "
                    + "modifiée depuis son enchaînement.");
        }
    }

    private void compareWithCheckpoint(ChainLink link, MerkleRoot merkle) {
        boolean sameHash = ChainRule.hex(link.chainHash()).equals(checkpoint.chainHash());
        boolean sameIndex = link.globalIndex() == checkpoint.globalIndex();
        boolean sameRoot = merkle == null || (checkpoint.blockSize() == MerkleRoot.BLOCK_SIZE
                && ChainRule.hex(merkle.root()).equals(checkpoint.merkleRoot()));
        if (!sameHash || !sameIndex || !sameRoot) {
            add(TamperKind.CHAIN_MISMATCH, link, "La chaîne ne correspond plus au point de contrôle "
                    + checkpoint.checkpointId() + " du " + checkpoint.recordedAt() + " ("
                    + (!sameHash ? "empreinte" : !sameIndex ? "position dans le magasin" : "racine de Merkle")
                    + " différente) : l'historique jusqu'à ce point a été réécrit et la chaîne recalculée.");
        }
    }

    private void inserted(StoredEvent event) {
        add(TamperKind.INSERTED_EVENT, null, event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                "Cet événement est stocké à une position que la chaîne a passée sans lui : il a été inséré après coup.");
    }

    private long sequence(long actual, long expected, StoredEvent event) {
        if (actual > expected) {
            add(TamperKind.DELETED_EVENT, null, event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                    "Les numéros de séquence " + expected + " à " + (actual - 1) + " de l'agrégat manquent, avec leurs "
                            + "maillons.");
        }
        return Math.max(expected, actual + 1);
    }

    private void flushDeleted(List<ChainLink> run, long length) {
        for (ChainLink link : run) {
            add(TamperKind.DELETED_EVENT, link, "Cet événement enchaîné manque au magasin : il a été supprimé.");
        }
        for (long i = run.size(); i < length; i++) {
            findingCount++;
        }
    }

    private void add(TamperKind kind, ChainLink link, String message) {
        add(kind, link.chainSequence(), link.globalIndex(), link.eventIdentifier(), link.aggregateIdentifier(), message);
    }

    private void add(TamperKind kind, Long chainSequence, Long globalIndex, String eventIdentifier,
                     String aggregateIdentifier, String message) {
        findingCount++;
        if (findings.size() < maxFindings) {
            findings.add(new Finding(kind, chainSequence, globalIndex, eventIdentifier, aggregateIdentifier, message));
        }
    }

    private static StoredEvent next(Iterator<StoredEvent> events) {
        return events.hasNext() ? events.next() : null;
    }
}
