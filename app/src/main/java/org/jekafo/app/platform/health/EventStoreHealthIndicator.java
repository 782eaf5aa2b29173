package org.jekafo.app.platform.health;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** The event store answers, and where its head is. */
@Component("eventStoreHealthIndicator")
class EventStoreHealthIndicator implements HealthIndicator {

    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Health health() {
        try {
            TrackingToken head = eventStore.createHeadToken();
            return Health.up().withDetail("type", eventStore.getClass().getSimpleName())
                    .withDetail("head", head == null ? "vide" : head.position().orElse(-1)).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
