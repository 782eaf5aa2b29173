package org.jekafo.app.platform.deadlines;

import com.github.kagkarlsson.scheduler.SystemClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persisted deadlines on every profile: db-scheduler's starter builds a {@code Scheduler} on the application's
 * database (table {@code deadline_scheduled_tasks}, migration V13, settings {@code db-scheduler.*}), and Axon's
 * {@code AxonDbSchedulerAutoConfiguration} then makes the {@code DeadlineManager} a {@code DbSchedulerDeadlineManager}
 * that serializes each deadline with the {@code eventSerializer} (Jackson, personal data encrypted) and runs it in a
 * unit of work on the aggregate or saga that set it. README: Deadlines.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    /**
     * db-scheduler's clock. The starter would register its own under the name {@code clock}, which the application's
     * {@link java.time.Clock} bean already holds (Boot refuses to override a bean).
     */
    @Bean
    com.github.kagkarlsson.scheduler.Clock deadlineClock() {
        return new SystemClock();
    }
}
