package org.jekafo.app.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.jekafo.app.platform.logging.ExceptionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where each projection stands against the event store: position, head, lag — from the processor, or from its
 * stored tokens while it holds no segment; nothing here asks Elasticsearch, so it answers when Elasticsearch does
 * not. Exposed in GraphQL (a query, and a subscription: {@link #changes()}), in the actuator health and as Micrometer
 * gauges ({@code jekafo.projection.lag}, {@code jekafo.projection.position}).
 */
@Component
public class ProjectionProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionProgress.class);

    private final ProjectionMaintenance maintenance;
    private final EventStore eventStore;
    private final StoredPositions storedPositions;
    private final Flux<List<Status>> changes;

    ProjectionProgress(ProjectionMaintenance maintenance, EventStore eventStore, StoredPositions storedPositions,
                       MeterRegistry registry, @Value("${jekafo.projections.status-interval:1s}") Duration statusInterval) {
        this.maintenance = maintenance;
        this.eventStore = eventStore;
        this.storedPositions = storedPositions;
        this.changes = Flux.interval(Duration.ZERO, statusInterval, Schedulers.boundedElastic()).onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(this::statuses).onErrorResume(unreadable -> {
                    LOG.warn("Projection statuses unreadable: {}", ExceptionSummary.of(unreadable));
                    return Mono.empty();
                }), 1)
                .distinctUntilChanged()
                .replay(1).refCount();
        for (ProjectionIndex index : maintenance.indices()) {
            String name = index.processingGroup();
            Gauge.builder("jekafo.projection.lag", () -> orUnknown(status(name).lag()))
                    .tag("processor", name).description("Events not yet applied to the projection").register(registry);
            Gauge.builder("jekafo.projection.position", () -> orUnknown(status(name).position()))
                    .tag("processor", name).description("Global index of the last event applied").register(registry);
        }
    }

    /** One projection's state; {@code null} numbers are unknown (processor not started, store empty). */
    public record Status(String name, String alias, String writeIndex, Long position, Long head, Long lag,
                         boolean rebuilding, boolean running, boolean error) {
    }

    /**
     * Every projection's state, now and then each time it changes: read every {@code jekafo.projections.status-interval}
     * (1 s) while anyone follows, once for all followers. Positions come from the processors or their stored tokens,
     * the head from the event store, so every instance reads the same whichever applies the events.
     */
    public Flux<List<Status>> changes() {
        return changes;
    }

    public ProjectionMaintenance maintenance() {
        return maintenance;
    }

    public List<Status> statuses() {
        return maintenance.indices().stream().map(index -> status(index.processingGroup())).toList();
    }

    public Status status(String processingGroup) {
        ProjectionIndex index = maintenance.index(processingGroup).orElseThrow();
        Long head = position(eventStore.createHeadToken());
        var processor = maintenance.processor(processingGroup);
        Long position = processor.map(ProjectionProgress::position).orElse(null);
        if (position == null) {
            position = storedPositions.lowest(processor.map(StreamingEventProcessor::getName).orElse(processingGroup));
        }
        Long lag = head == null ? Long.valueOf(0) : position == null ? null : Math.max(0, head - position);
        boolean error = processor.map(p -> p.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState))
                .orElse(false);
        String writeIndex = Objects.requireNonNullElse(index.knownWriteIndex(), "?");
        return new Status(processingGroup, index.alias(), writeIndex, position, head, lag,
                maintenance.isRebuilding(processingGroup), processor.map(StreamingEventProcessor::isRunning).orElse(false),
                error);
    }

    /** A gauge's value: -1 when unknown. */
    private static long orUnknown(Long value) {
        return value == null ? -1 : value;
    }

    /** The lowest position over the processor's segments: everything before it is applied. */
    private static Long position(StreamingEventProcessor processor) {
        var statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return null;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : statuses) {
            OptionalLong current = status.getCurrentPosition();
            lowest = Math.min(lowest, current.isPresent() ? current.getAsLong() : -1);
        }
        return lowest;
    }

    private static Long position(TrackingToken token) {
        if (token == null) {
            return null;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }
}
