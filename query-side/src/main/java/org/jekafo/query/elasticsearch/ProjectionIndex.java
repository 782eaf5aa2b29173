package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Level;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.ShardStats;
import co.elastic.clients.json.JsonData;
import jakarta.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One projection's Elasticsearch index, always read through an alias. Documents are written to a concrete
 * index ({@link #writeIndex()}): the aliased one normally, a fresh one while the projection is rebuilt from
 * the event store. When the rebuild has caught up, the alias moves to the fresh index in one atomic step and
 * the old index is deleted: queries never see a half-built index.
 */
public class ProjectionIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionIndex.class);
    /** The index was deleted meanwhile (a rebuild replaced it): nothing is left to purge. */
    private static final int NOT_FOUND = 404;
    private static final Duration LEASE_WAIT = Duration.ofMinutes(5);
    private static final Duration LEASE_POLL = Duration.ofMillis(500);

    private final ElasticsearchClient client;
    private final String alias;
    private final String processingGroup;
    private final String mappingResource;
    private final Clock clock;
    private volatile String writeIndex;
    /** What a lazy initialisation by a writer found, kept for the next {@link #initialise()} to report. */
    private State unreported = State.READY;
    private final AtomicBoolean purgeRequested = new AtomicBoolean();
    private final SuspectDocuments suspects = new SuspectDocuments();
    private final List<WriteListener> writeListeners = new CopyOnWriteArrayList<>();
    private final List<WriteListener> creationListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService purger = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "purge-deleted-documents");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param alias           the name queries use, e.g. {@code jekafo-members}
     * @param processingGroup the event processor that writes this index
     * @param mappingResource classpath resource holding the index settings and explicit mappings
     */
    protected ProjectionIndex(ElasticsearchClient client, String alias, String processingGroup,
                              String mappingResource, Clock clock) {
        this.client = client;
        this.alias = alias;
        this.processingGroup = processingGroup;
        this.mappingResource = mappingResource;
        this.clock = clock;
    }

    public String alias() {
        return alias;
    }

    public String processingGroup() {
        return processingGroup;
    }

    /**
     * Whether each write of the projection is made visible to searches before it is announced (Elasticsearch's
     * {@code refresh=true}): for a small index written rarely whose readers keep what they read until the next
     * {@link #generation()} (the org units), or one whose searches must follow its writes within a second (the
     * ballots: the turnout). Others are refreshed every second while searched, or on demand.
     */
    protected boolean refreshedOnWrite() {
        return false;
    }

    /**
     * A number that grows whenever what the alias shows may have changed through this process: a committed write of
     * the projection (announced after {@link #refreshedOnWrite() a refresh} when the index asks for one), the alias
     * created or moved. Readers that keep what they read compare it with the number they read under.
     */
    public long generation() {
        return generation.get();
    }

    /**
     * Told which documents a unit of work of the projection wrote, once it has committed (the processor's token
     * stored with it): each document is readable by id at that version from then on.
     */
    @FunctionalInterface
    public interface WriteListener {
        /** @param versions the written documents' ids, each with the sequence number of its aggregate's last applied event */
        void written(ProjectionIndex index, Map<String, Long> versions);
    }

    /** Tells {@code listener} of every committed write of this projection, whichever projection class made it. */
    public void onWritten(WriteListener listener) {
        writeListeners.add(listener);
    }

    /**
     * Tells {@code listener} of the documents a committed unit of work created from live events — new aggregates (a
     * member registered) — never from a replay or a rebuild, which create every document again. A document is
     * announced once it is written: also to {@link #onWritten} listeners, with the same version.
     */
    public void onCreated(WriteListener listener) {
        creationListeners.add(listener);
    }

    /**
     * Called by {@link DocumentBatch} after its unit of work committed, with what it wrote and, among those, what
     * live events created; a failing listener never fails the processor.
     */
    void written(Map<String, Long> versions, Map<String, Long> created) {
        if (!versions.isEmpty()) {
            generation.incrementAndGet();
        }
        tell(writeListeners, versions, "written");
        tell(creationListeners, created, "created");
    }

    private void tell(List<WriteListener> listeners, Map<String, Long> versions, String what) {
        if (versions.isEmpty()) {
            return;
        }
        for (WriteListener listener : listeners) {
            try {
                listener.written(this, versions);
            } catch (RuntimeException e) {
                LOG.warn("A listener of {} failed on {} {} documents: {}", alias, versions.size(), what, e.toString());
            }
        }
    }

    /** Documents a bulk request saw refused, written one by one until their events are applied or parked. */
    SuspectDocuments suspects() {
        return suspects;
    }

    /** Where documents go now; resolves the alias on first use. */
    public String writeIndex() {
        String current = writeIndex;
        if (current == null) {
            synchronized (this) {
                State found = initialise();
                if (found != State.READY) {
                    unreported = found;
                }
                current = writeIndex;
            }
        }
        return current;
    }

    /** The index documents go to as last resolved, without asking Elasticsearch; {@code null} before the first resolution. */
    public String knownWriteIndex() {
        return writeIndex;
    }

    /** What {@link #initialise()} found. */
    public enum State {
        /** The alias and its index are in place. */
        READY,
        /** The alias was missing (first start, or Elasticsearch lost it): a new, empty index is behind it now. */
        CREATED,
        /** A rebuild was cut short (the application stopped, Elasticsearch failed): its index was deleted. */
        REBUILD_INTERRUPTED
    }

    /**
     * Makes sure the alias exists. Anything but {@link State#READY} means the projection must be replayed
     * from the event store: into the new index when {@code CREATED}, through a full rebuild when an earlier
     * rebuild was interrupted (the aliased index may have missed events written to the unfinished one).
     */
    public synchronized State initialise() {
        State found = check();
        if (found == State.READY && unreported != State.READY) {
            found = unreported;
        }
        unreported = State.READY;
        return found;
    }

    private State check() {
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                String created = createConcreteIndex();
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(created).alias(alias))));
                writeIndex = created;
                generation.incrementAndGet();
                LOG.info("Created index {} behind alias {}", created, alias);
                return State.CREATED;
            }
            if (writeIndex != null) {
                return State.READY;
            }
            Set<String> aliased = client.indices().getAlias(a -> a.name(alias)).result().keySet();
            writeIndex = aliased.iterator().next();
            addNewFields(writeIndex);
            Set<String> unfinished = new HashSet<>(
                    client.indices().get(g -> g.index(alias + "-*")).result().keySet());
            unfinished.removeAll(aliased);
            for (String index : unfinished) {
                client.indices().delete(d -> d.index(index));
                LOG.warn("Deleted {}, left by an interrupted rebuild of {}", index, alias);
            }
            return unfinished.isEmpty() ? State.READY : State.REBUILD_INTERRUPTED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the write index after a failed rebuild, so that the next {@link #initialise()} sorts it out. */
    public synchronized void abandonRebuild() {
        writeIndex = null;
    }

    /**
     * Starts writing into a new, empty index, while queries keep reading the aliased one. Nobody searches it until the
     * alias moves, so it is not refreshed meanwhile ({@code refresh_interval: -1}): a refresh a second made Elasticsearch
     * write and merge a small segment a second during the replay. Reads by id are real-time and unaffected.
     */
    public synchronized void beginRebuild() {
        writeIndex = createConcreteIndex();
        setRefreshInterval(writeIndex, "-1");
        LOG.info("Rebuilding alias {} into {}", alias, writeIndex);
    }

    /** Moves the alias to the index being written, atomically, then deletes the indices it left. */
    public synchronized void completeRebuild() {
        String target = writeIndex();
        try {
            setRefreshInterval(target, null); // Elasticsearch's default again: every second while searched
            client.indices().refresh(r -> r.index(target));
            Set<String> previous = client.indices().existsAlias(a -> a.name(alias)).value()
                    ? client.indices().getAlias(a -> a.name(alias)).result().keySet() : Set.of();
            client.indices().updateAliases(u -> {
                previous.stream().filter(index -> !index.equals(target)).forEach(index ->
                        u.actions(a -> a.remove(remove -> remove.index(index).alias(alias))));
                return u.actions(a -> a.add(add -> add.index(target).alias(alias)));
            });
            generation.incrementAndGet();
            for (String index : previous) {
                if (!index.equals(target)) {
                    client.indices().delete(d -> d.index(index));
                }
            }
            LOG.info("Alias {} now reads {}", alias, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the index's {@code refresh_interval}; null restores Elasticsearch's default. */
    private void setRefreshInterval(String index, String interval) {
        JsonData value = interval == null ? JsonData.of(JsonValue.NULL) : JsonData.of(interval);
        try {
            client.indices().putSettings(p -> p.index(index).settings(s -> s.otherSettings(
                    Collections.singletonMap("refresh_interval", value))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes recent writes visible to searches (a GET by id sees them without this). */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Purges replaced document versions from the index now written, in the background. Elasticsearch only marks
     * a replaced or deleted document as deleted ("soft delete"): its old source (the personal data an erasure
     * has just replaced) stays in the index files until a merge drops it, and a merge drops it only once the
     * shard's history retention lease has moved past it, which Elasticsearch does in the background about
     * every 30 seconds. The purge therefore commits the index, waits for the lease to pass everything written
     * so far, then merges away every deleted document ({@code merge.policy.expunge_deletes_allowed: 0} in the
     * mapping makes the merge take every segment holding one). Requests made while one is waiting share it.
     */
    public void purgeDeletedDocuments() {
        if (purgeRequested.compareAndSet(false, true)) {
            purger.execute(() -> {
                purgeRequested.set(false);
                String target = writeIndex();
                try {
                    purge(target);
                } catch (ElasticsearchException gone) {
                    if (gone.status() != NOT_FOUND) {
                        LOG.warn("Deleted documents of {} not purged: {}", target, gone.toString());
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Deleted documents of {} not purged: {}", target, e.toString());
                }
            });
        }
    }

    private void purge(String target) throws IOException {
        client.indices().refresh(r -> r.index(target));
        client.indices().flush(f -> f.index(target).force(true).waitIfOngoing(true));
        awaitRetentionLeasesPast(target, shards(target).stream()
                .mapToLong(shard -> shard.seqNo().globalCheckpoint()).max().orElse(-1));
        client.indices().forcemerge(f -> f.index(target).onlyExpungeDeletes(true).flush(true));
        client.indices().flush(f -> f.index(target).force(true).waitIfOngoing(true));
        LOG.info("Purged deleted documents of {}", target);
    }

    private void awaitRetentionLeasesPast(String target, long checkpoint) throws IOException {
        long deadline = System.nanoTime() + LEASE_WAIT.toNanos();
        while (!shards(target).stream().allMatch(shard -> shard.retentionLeases().leases().stream()
                .allMatch(lease -> lease.retainingSeqNo() > checkpoint))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("history retention leases did not pass " + checkpoint + " within "
                        + LEASE_WAIT);
            }
            try {
                Thread.sleep(LEASE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while purging " + target, e);
            }
        }
    }

    private List<ShardStats> shards(String target) throws IOException {
        IndicesStatsResponse stats = client.indices().stats(s -> s.index(target).level(Level.Shards));
        return stats.indices().get(target).shards().values().stream().flatMap(List::stream).toList();
    }

    /**
     * Adds to an index made by an earlier version the fields its mapping has gained since (an additive change,
     * which Elasticsearch makes in place): documents carrying them are then accepted at once, and the earlier
     * documents gain them as their members change or with a rebuild. A changed field is refused by Elasticsearch.
     */
    private void addNewFields(String index) throws IOException {
        try (InputStream resource = ProjectionIndex.class.getResourceAsStream(mappingResource)) {
            if (resource == null) {
                throw new IllegalStateException("mapping resource missing: " + mappingResource);
            }
            String mappings = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resource).get("mappings")
                    .toString();
            client.indices().putMapping(p -> p.index(index).withJson(new java.io.StringReader(mappings)));
        }
    }

    private String createConcreteIndex() {
        String name = alias + "-" + clock.millis();
        try (InputStream mapping = ProjectionIndex.class.getResourceAsStream(mappingResource)) {
            if (mapping == null) {
                throw new IllegalStateException("mapping resource missing: " + mappingResource);
            }
            client.indices().create(c -> c.index(name).withJson(mapping));
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
