package org.jekafo.app.platform.health;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the projections resume as soon as Elasticsearch answers. When a batch fails (Elasticsearch paused or down),
 * Axon's pooled processor releases the segment and leaves it unclaimed for a back-off that doubles with each
 * failure up to 60 s and is reset only once the segment has caught up: after a long outage the index stood still
 * for up to a minute after Elasticsearch was back. Each time the probe sees Elasticsearch answer, every segment of
 * a running projection that no processor has held for {@code jekafo.projections.max-retry-backoff} (5 s) is
 * claimed again: Axon's back-off is capped there, and a projection resumes within that cap plus one probe
 * interval of Elasticsearch's return.
 */
@Component
class ProjectionRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRecovery.class);

    private final ProjectionMaintenance maintenance;
    private final Configuration axon;
    private final TransactionManager transactions;
    private final Clock clock;
    private final Duration maxBackoff;
    /** Since when each processor has been seen holding none of its segments. */
    private final Map<String, Instant> unheldSince = new ConcurrentHashMap<>();

    ProjectionRecovery(ProjectionMaintenance maintenance, Configuration axon, TransactionManager transactions,
                       Clock clock, @Value("${jekafo.projections.max-retry-backoff:5s}") Duration maxBackoff) {
        this.maintenance = maintenance;
        this.axon = axon;
        this.transactions = transactions;
        this.clock = clock;
        this.maxBackoff = maxBackoff;
    }

    void resume() {
        for (ProjectionIndex index : maintenance.indices()) {
            maintenance.processor(index.processingGroup()).filter(StreamingEventProcessor::isRunning)
                    .ifPresent(this::claimUnheldSegments);
        }
    }

    private void claimUnheldSegments(StreamingEventProcessor processor) {
        Set<Integer> held = processor.processingStatus().keySet();
        if (!held.isEmpty()) {
            unheldSince.remove(processor.getName());
            return;
        }
        Instant now = clock.instant();
        Instant since = unheldSince.computeIfAbsent(processor.getName(), name -> now);
        if (Duration.between(since, now).compareTo(maxBackoff) < 0) {
            return;
        }
        unheldSince.remove(processor.getName());
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(processor.getName());
        List<Segment> available = transactions.fetchInTransaction(() -> tokens.fetchAvailableSegments(processor.getName()));
        for (Segment segment : available) {
            if (!held.contains(segment.getSegmentId())) {
                LOG.info("Elasticsearch answers: {} takes segment {} back, unheld for {} s", processor.getName(),
                        segment.getSegmentId(), Duration.between(since, now).toSeconds());
                processor.claimSegment(segment.getSegmentId());
            }
        }
    }
}
