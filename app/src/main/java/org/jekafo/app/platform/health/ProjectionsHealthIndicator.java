package org.jekafo.app.platform.health;

import org.springframework.boot.actuate.health.Health;
import org.jekafo.query.elasticsearch.DeadLetters;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors that feed Elasticsearch: each one's position, the event store's head and
 * the lag between them, how many segments it holds, and the events it has parked in its dead-letter queue (count
 * and aggregate ids, no personal values). Asks nothing of Elasticsearch. DOWN when a processor is in error (it
 * retries by itself), DEGRADED when events are parked (everything else flows; HTTP 200), UP otherwise.
 */
@Component("projectionsHealthIndicator")
class ProjectionsHealthIndicator implements HealthIndicator {

    /** Some events are parked: the projections run, an administrator has something to look at. */
    static final Status DEGRADED = new Status("DEGRADED", "Des événements sont en attente (deadLetters).");
    /** How many parked sequences (aggregate ids) health names per processor. */
    private static final int LISTED_SEQUENCES = 20;

    private final ProjectionProgress progress;
    private final DeadLetters deadLetters;

    ProjectionsHealthIndicator(ProjectionProgress progress, DeadLetters deadLetters) {
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        boolean parked = false;
        boolean error = false;
        for (ProjectionProgress.Status status : progress.statuses()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("alias", status.alias());
            details.put("writeIndex", status.writeIndex());
            details.put("running", status.running());
            // segments this node processes now: 0 while a failed batch waits for its retry (Elasticsearch down)
            details.put("heldSegments", progress.maintenance().processor(status.name())
                    .map(processor -> processor.processingStatus().size()).orElse(0));
            details.put("position", status.position());
            details.put("head", status.head());
            details.put("lag", status.lag());
            details.put("rebuilding", status.rebuilding());
            details.put("error", status.error());
            try {
                DeadLetters.Summary letters = deadLetters.summary(status.name(), LISTED_SEQUENCES);
                details.put("deadLetters", letters.count());
                details.put("deadLetterSequences", letters.sequenceIds());
                parked |= letters.count() > 0;
            } catch (RuntimeException unreadable) {
                details.put("deadLetters", "illisible : " + unreadable.getClass().getSimpleName());
            }
            health.withDetail(status.name(), details);
            error |= status.error();
        }
        return (error ? health.down() : parked ? health.status(DEGRADED) : health).build();
    }
}
