package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * One projection's Elasticsearch index, always read through an alias. Documents are written to a concrete
 * index ({@link #writeIndex()}): the aliased one normally, a fresh one while the projection is rebuilt from
 * the event store. When the rebuild has caught up, the alias moves to the fresh index in one atomic step and
 * the old index is deleted: queries never see a half-built index.
 */
public class ProjectionIndex {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionIndex.class);

    private final ElasticsearchClient client;
    private final String alias;
    private final String processingGroup;
    private final String mappingResource;
    private final Clock clock;
    private volatile String writeIndex;
    /** What a lazy initialisation by a writer found, kept for the next {@link #initialise()} to report. */
    private State unreported = State.READY;

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
                LOG.info("Created index {} behind alias {}", created, alias);
                return State.CREATED;
            }
            if (writeIndex != null) {
                return State.READY;
            }
            Set<String> aliased = client.indices().getAlias(a -> a.name(alias)).result().keySet();
            writeIndex = aliased.iterator().next();
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

    /** Starts writing into a new, empty index, while queries keep reading the aliased one. */
    public synchronized void beginRebuild() {
        writeIndex = createConcreteIndex();
        LOG.info("Rebuilding alias {} into {}", alias, writeIndex);
    }

    /** Moves the alias to the index being written, atomically, then deletes the indices it left. */
    public synchronized void completeRebuild() {
        String target = writeIndex();
        try {
            client.indices().refresh(r -> r.index(target));
            Set<String> previous = client.indices().existsAlias(a -> a.name(alias)).value()
                    ? client.indices().getAlias(a -> a.name(alias)).result().keySet() : Set.of();
            client.indices().updateAliases(u -> {
                previous.stream().filter(index -> !index.equals(target)).forEach(index ->
                        u.actions(a -> a.remove(remove -> remove.index(index).alias(alias))));
                return u.actions(a -> a.add(add -> add.index(target).alias(alias)));
            });
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

    /** Makes recent writes visible to searches (a GET by id sees them without this). */
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(alias));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
