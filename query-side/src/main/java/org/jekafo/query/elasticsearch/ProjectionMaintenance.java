package org.jekafo.query.elasticsearch;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps the projections' indices in place and rebuilds a projection from the event store without downtime:
 * the processor replays into a fresh index while queries keep reading the aliased one; once it has caught
 * up, the alias moves in one atomic step. When an index is found missing (Elasticsearch wiped, first
 * start), it is created and its projection rebuilt the same way.
 */
@Component
public class ProjectionMaintenance implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionMaintenance.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final Configuration axon;
    private final List<ProjectionIndex> indices;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Void>> rebuilds = new ConcurrentHashMap<>();
    private final Set<String> needReplay = ConcurrentHashMap.newKeySet();
    private final Set<String> needRebuild = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionMaintenance(Configuration axon, List<ProjectionIndex> indices) {
        this.axon = axon;
        this.indices = indices;
    }

    public List<ProjectionIndex> indices() {
        return indices;
    }

    public Optional<ProjectionIndex> index(String processingGroup) {
        return indices.stream().filter(i -> i.processingGroup().equals(processingGroup)).findFirst();
    }

    public boolean isRebuilding(String processingGroup) {
        return rebuilding.contains(processingGroup);
    }

    /**
     * Completes when the rebuild of this projection running now has ended, moved alias or failed; already complete
     * when none runs. Lets a waiter be told instead of asking again and again.
     */
    public CompletableFuture<Void> rebuildEnd(String processingGroup) {
        return rebuilds.getOrDefault(processingGroup, CompletableFuture.completedFuture(null));
    }

    /**
     * Checks every index; creates the missing ones and rebuilds their projections. Runs at start-up and
     * then every few seconds, so an Elasticsearch that was down or wiped is taken care of when it returns.
     */
    /** Puts the indices in place before the application takes requests (the replays follow once it runs). */
    @Override
    public void afterSingletonsInstantiated() {
        initialiseIndices();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${jekafo.projections.check-interval:10s}")
    public void checkIndices() {
        initialiseIndices();
        replayWhereNeeded();
    }

    private void initialiseIndices() {
        for (ProjectionIndex index : indices) {
            if (rebuilding.contains(index.processingGroup())) {
                continue;
            }
            try {
                switch (index.initialise()) {
                    case CREATED -> needReplay.add(index.processingGroup());
                    case REBUILD_INTERRUPTED -> needRebuild.add(index.processingGroup());
                    case READY -> { }
                }
            } catch (RuntimeException e) {
                LOG.warn("Elasticsearch index {} cannot be checked now: {}", index.alias(), e.toString());
            }
        }
    }

    private void replayWhereNeeded() {
        for (String group : Set.copyOf(needReplay)) {
            processor(group).filter(StreamingEventProcessor::isRunning).ifPresent(processor -> {
                needReplay.remove(group);
                replayInPlace(group, processor);
            });
        }
        for (String group : Set.copyOf(needRebuild)) {
            if (processor(group).map(StreamingEventProcessor::isRunning).orElse(false)) {
                needRebuild.remove(group);
                rebuild(group);
            }
        }
    }

    /**
     * Replays a projection into its new, empty index (already behind the alias: there is nothing older to
     * keep serving). On a first start this is a replay of nothing.
     */
    private void replayInPlace(String group, StreamingEventProcessor processor) {
        LOG.info("Replaying {} into its new index", group);
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
    }

    /** Starts rebuilding one projection; the future completes when the alias has moved. */
    public synchronized CompletableFuture<Void> rebuild(String processingGroup) {
        ProjectionIndex index = index(processingGroup).orElseThrow(
                () -> new IllegalArgumentException("unknown projection " + processingGroup));
        StreamingEventProcessor processor = processor(processingGroup).orElseThrow(
                () -> new IllegalStateException("no streaming processor " + processingGroup));
        if (!rebuilding.add(processingGroup)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                processor.shutdownAsync().join();
                index.beginRebuild();
                long target = headPosition();
                processor.resetTokens();
                processor.start();
                awaitCaughtUp(processor, target);
                index.completeRebuild();
            } catch (RuntimeException e) {
                index.abandonRebuild();
                needRebuild.add(processingGroup);
                throw e;
            } finally {
                rebuilding.remove(processingGroup);
            }
        }, executor).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.error("Rebuild of {} failed", processingGroup, failure);
            }
        });
        rebuilds.put(processingGroup, run);
        run.whenComplete((ok, failure) -> rebuilds.remove(processingGroup, run));
        return run;
    }

    /** The streaming processor behind a projection. */
    public Optional<StreamingEventProcessor> processor(String processingGroup) {
        return axon.eventProcessingConfiguration().eventProcessor(processingGroup, StreamingEventProcessor.class);
    }

    private long headPosition() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Waits until every segment has caught up with the event store and passed the head as it was when the
     * replay began. (A replay token stays a replay token until an event after the reset point arrives, so
     * "replaying" is not the signal to wait for.)
     */
    private static void awaitCaughtUp(StreamingEventProcessor processor, long target) {
        while (true) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            boolean done = !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp()
                    && !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= target);
            if (done && processor.isRunning()) {
                return;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding", e);
            }
        }
    }
}
