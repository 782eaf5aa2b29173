package org.jekafo.app.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors that feed Elasticsearch: each one's position, the event store's head and
 * the lag between them, and how many segments it holds. Asks nothing of Elasticsearch. DOWN when a processor is in error (it retries by itself), UP otherwise.
 */
@Component("projectionsHealthIndicator")
class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProgress progress;

    ProjectionsHealthIndicator(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
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
            health.withDetail(status.name(), details);
            if (status.error()) {
                health.down();
            }
        }
        return health.build();
    }
}
