package org.jekafo.app.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of the event processors that feed Elasticsearch: each one's position, the event store's head and
 * the lag between them. DOWN when a processor is in error (it retries by itself), UP otherwise.
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
