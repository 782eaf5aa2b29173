package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The documents one batch of events changes, written to Elasticsearch in a single bulk request when the
 * batch's unit of work prepares to commit — before the processor's token is stored, so a failed write
 * means the batch is handled again, never skipped. Writes replace whole documents and carry the sequence
 * number of the aggregate's last event as an external version: Elasticsearch itself refuses to replace a
 * document with an older one, so a redelivered or replayed event never undoes a later one — without
 * reading the document first when an event creates it.
 *
 * <p>A document Elasticsearch refuses for what it holds (its mapping does not accept a value) fails the batch
 * once and becomes a suspect ({@link SuspectDocuments}): when the batch is handled again, each event touching it
 * writes it alone, at once, so a refusal fails that event's handler with a {@link DocumentRefusedException} and
 * the processor's dead-letter queue parks exactly that event (and the aggregate's later ones behind it), while
 * every other document goes on in one bulk request. A momentary refusal (429, 5xx, no answer) fails the batch,
 * which is retried, and parks nothing.
 *
 * <p>Once the unit of work has committed, the index's {@link ProjectionIndex.WriteListener}s are told which
 * documents it wrote and at which version (a document refused for a newer stored version counts as written: the
 * index shows at least that version) — how read-your-writes learns that a projection has caught up — and which of
 * them live events created (not a replay): how subscriptions learn that a member was registered.
 *
 * @param <D> the document type
 */
public final class DocumentBatch<D extends VersionedDocument> {

    /** A newer version of the document is stored already: the write is redundant, not an error. */
    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String index;
    private final Class<D> type;
    private final SuspectDocuments suspects;
    /** {@code refresh=true} on each write when the index asks for it ({@link ProjectionIndex#refreshedOnWrite()}), else none. */
    private final Refresh refresh;
    private final Map<String, D> pending = new LinkedHashMap<>();
    /** What this batch wrote: document id and version, announced once the unit of work has committed. */
    private final Map<String, Long> written = new LinkedHashMap<>();
    /** Documents live events of this batch created (not replayed ones): new aggregates, announced with {@link #written}. */
    private final Set<String> created = new HashSet<>();
    /** Suspects this batch has written or seen refused: no longer suspect once it commits. */
    private final Set<String> settled = new HashSet<>();
    /** A momentary failure of a suspect's own write: the batch must fail, not the event. */
    private RuntimeException momentaryFailure;
    private boolean purgeDeleted;

    private DocumentBatch(ElasticsearchClient client, String index, Class<D> type, SuspectDocuments suspects,
                          boolean refreshed) {
        this.client = client;
        this.index = index;
        this.type = type;
        this.suspects = suspects;
        this.refresh = refreshed ? Refresh.True : null;
    }

    /**
     * The batch of the current unit of work for this index, created and registered on first use: the processor's
     * batch, or, when a dead letter is handled again, that letter's own unit of work (nested in the one of the
     * whole retry), so that each letter's document is written, or refused, with that letter.
     */
    public static <D extends VersionedDocument> DocumentBatch<D> current(ElasticsearchClient client,
                                                                         ProjectionIndex index, Class<D> type) {
        UnitOfWork<?> unitOfWork = owner(CurrentUnitOfWork.get());
        String target = index.writeIndex();
        return unitOfWork.getOrComputeResource("documents:" + target, key -> {
            DocumentBatch<D> batch = new DocumentBatch<>(client, target, type, index.suspects(),
                    index.refreshedOnWrite());
            unitOfWork.onPrepareCommit(u -> batch.flush());
            unitOfWork.afterCommit(u -> {
                batch.suspects.remove(batch.settled);
                Map<String, Long> created = new LinkedHashMap<>(batch.written);
                created.keySet().retainAll(batch.created);
                index.written(batch.written, created);
            });
            return batch;
        });
    }

    /** Whether the event being handled is replayed (a rebuild, a lost index refilled): it creates nothing new. */
    private static boolean replayed() {
        return CurrentUnitOfWork.isStarted() && ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage());
    }

    private static UnitOfWork<?> owner(UnitOfWork<?> current) {
        for (UnitOfWork<?> unit = current; unit != null; unit = unit.parent().orElse(null)) {
            if (unit.resources().containsKey(DeadLetter.class.getName())) {
                return unit;
            }
        }
        return current.root();
    }

    /** The document as this batch left it, else as stored (a real-time GET, no refresh needed). */
    public Optional<D> find(String id) {
        D inBatch = pending.get(id);
        if (inBatch != null) {
            return Optional.of(inBatch);
        }
        try {
            var response = client.get(g -> g.index(index).id(id), type);
            return Optional.ofNullable(response.found() ? response.source() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a document created by the event at {@code sequence}. When a later version exists already (a
     * redelivered event), Elasticsearch keeps it.
     */
    public void create(long sequence, D document) {
        if (!replayed()) {
            created.add(document.documentId());
        }
        if (suspects.contains(document.documentId())) {
            document.version = sequence;
            writeAlone(document);
            return;
        }
        D inBatch = pending.get(document.documentId());
        if (inBatch == null || inBatch.version < sequence) {
            document.version = sequence;
            pending.put(document.documentId(), document);
        }
    }

    /**
     * Applies the event at {@code sequence} to a stored document, unless it was applied already. Returns
     * {@code false} when the document does not exist.
     */
    public boolean update(String id, long sequence, Consumer<D> change) {
        boolean suspect = suspects.contains(id);
        Optional<D> existing = find(id);
        existing.filter(document -> document.version < sequence).ifPresent(document -> {
            change.accept(document);
            document.version = sequence;
            if (suspect) {
                writeAlone(document);
            } else {
                pending.put(id, document);
            }
        });
        return existing.isPresent();
    }

    /**
     * Writes a suspect document on its own, now. A refusal for its content fails the calling event handler; a
     * momentary one is kept for {@link #flush()} to fail the whole batch.
     */
    private void writeAlone(D document) {
        String id = document.documentId();
        try {
            client.index(i -> i.index(index).id(id).document(document).version(document.version)
                    .versionType(VersionType.External).refresh(refresh));
            settled.add(id);
            written.put(id, document.version);
        } catch (ElasticsearchException e) {
            if (e.status() == VERSION_CONFLICT) {
                settled.add(id);
                written.put(id, document.version);
            } else if (DocumentRefusedException.isPoison(e.status())) {
                settled.add(id);
                throw new DocumentRefusedException(index, List.of(id), e.status(), e.error());
            } else {
                momentaryFailure = new IllegalStateException("Elasticsearch n'a pas pu écrire un document de " + index
                        + " : HTTP " + e.status() + ", " + e.error().type());
            }
        } catch (IOException e) {
            momentaryFailure = new UncheckedIOException(e);
        }
    }

    /**
     * Has the index purged of replaced document versions once this batch is written: a replaced document is
     * only marked deleted, and its old source (personal data an erasure just removed) stays in the index files
     * until its segment is merged. The index's {@code merge.policy.expunge_deletes_allowed} of 0 makes the
     * merge take every segment holding a deleted document.
     */
    public void purgeDeletedDocuments() {
        purgeDeleted = true;
    }

    /** Writes everything put into this batch, then purges if asked; throws when Elasticsearch refuses any document. */
    public void flush() {
        if (momentaryFailure != null) {
            throw momentaryFailure;
        }
        write();
        if (purgeDeleted) {
            purge();
            purgeDeleted = false;
        }
    }

    private void purge() {
        try {
            client.indices().refresh(r -> r.index(index));
            client.indices().flush(f -> f.index(index).force(true).waitIfOngoing(true));
            client.indices().forcemerge(f -> f.index(index).onlyExpungeDeletes(true).flush(true));
            client.indices().flush(f -> f.index(index).force(true).waitIfOngoing(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        if (pending.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(pending.size());
        pending.forEach((id, document) -> operations.add(BulkOperation.of(op -> op.index(i -> i.id(id).document(document)
                .version(document.version).versionType(VersionType.External)))));
        BulkResponse response;
        try {
            response = client.bulk(b -> b.index(index).operations(operations).refresh(refresh));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.errors()) {
            refused(response.items().stream()
                    .filter(item -> item.error() != null && item.status() != VERSION_CONFLICT).toList());
        }
        pending.forEach((id, document) -> written.put(id, document.version));
        pending.clear();
    }

    /**
     * Fails the batch for its refused documents. Those refused for their content become suspects, written one by
     * one when the batch is handled again; the message carries Elasticsearch's error types, never its reason text
     * (which quotes the refused value).
     */
    private void refused(List<BulkResponseItem> failures) {
        if (failures.isEmpty()) {
            return;
        }
        List<BulkResponseItem> poison = failures.stream().filter(item -> DocumentRefusedException.isPoison(item.status()))
                .toList();
        if (poison.size() < failures.size()) {
            BulkResponseItem momentary = failures.stream().filter(item -> !DocumentRefusedException.isPoison(item.status()))
                    .findFirst().orElseThrow();
            suspects.add(poison.stream().map(BulkResponseItem::id).toList());
            throw new IllegalStateException("Elasticsearch n'a pas pu écrire " + failures.size() + " documents de "
                    + index + " : HTTP " + momentary.status() + ", " + momentary.error().type());
        }
        List<String> ids = poison.stream().map(BulkResponseItem::id).toList();
        suspects.add(ids);
        throw new DocumentRefusedException(index, ids, poison.get(0).status(), poison.get(0).error());
    }
}
