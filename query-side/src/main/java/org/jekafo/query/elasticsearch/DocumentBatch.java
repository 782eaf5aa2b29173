package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The documents one batch of events changes, written to Elasticsearch in a single bulk request when the
 * batch's unit of work prepares to commit — before the processor's token is stored, so a failed write
 * means the batch is handled again, never skipped. Writes replace whole documents and carry the sequence
 * number of the aggregate's last event as an external version: Elasticsearch itself refuses to replace a
 * document with an older one, so a redelivered or replayed event never undoes a later one — without
 * reading the document first when an event creates it.
 *
 * @param <D> the document type
 */
public final class DocumentBatch<D extends VersionedDocument> {

    /** A newer version of the document is stored already: the write is redundant, not an error. */
    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String index;
    private final Class<D> type;
    private final Map<String, D> pending = new LinkedHashMap<>();
    private boolean purgeDeleted;

    private DocumentBatch(ElasticsearchClient client, String index, Class<D> type) {
        this.client = client;
        this.index = index;
        this.type = type;
    }

    /** The batch of the current unit of work for this index, created and registered on first use. */
    public static <D extends VersionedDocument> DocumentBatch<D> current(ElasticsearchClient client,
                                                                         ProjectionIndex index, Class<D> type) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        String target = index.writeIndex();
        return unitOfWork.getOrComputeResource("documents:" + target, key -> {
            DocumentBatch<D> batch = new DocumentBatch<>(client, target, type);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
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
        Optional<D> existing = find(id);
        existing.filter(document -> document.version < sequence).ifPresent(document -> {
            change.accept(document);
            document.version = sequence;
            pending.put(id, document);
        });
        return existing.isPresent();
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
        try {
            BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
            if (response.errors()) {
                List<BulkResponseItem> failures = response.items().stream()
                        .filter(item -> item.error() != null && item.status() != VERSION_CONFLICT).toList();
                if (failures.isEmpty()) {
                    pending.clear();
                    return;
                }
                String reasons = failures.stream()
                        .limit(3).map(BulkResponseItem::error).map(String::valueOf).reduce((a, b) -> a + "; " + b)
                        .orElse("?");
                throw new IllegalStateException("Elasticsearch refused documents of " + index + ": " + reasons);
            }
            pending.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
