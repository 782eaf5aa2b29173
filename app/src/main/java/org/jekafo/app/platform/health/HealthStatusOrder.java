package org.jekafo.app.platform.health;

import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * How the parts' statuses make the whole one, on every profile: DOWN, OUT_OF_SERVICE, DEGRADED (parked events),
 * WARN (Axon Server's: a connection not active), UP, UNKNOWN. Axon's Axon Server support declares an aggregator of
 * its own that knows no DEGRADED: with it, health said UP on the {@code axonserver} profile while a projection had
 * parked events.
 */
@Configuration(proxyBeanMethods = false)
class HealthStatusOrder {

    static final Status WARN = new Status("WARN");

    @Bean
    @Primary
    StatusAggregator jekafoStatusAggregator() {
        return new SimpleStatusAggregator(Status.DOWN, Status.OUT_OF_SERVICE, ProjectionsHealthIndicator.DEGRADED, WARN,
                Status.UP, Status.UNKNOWN);
    }
}
