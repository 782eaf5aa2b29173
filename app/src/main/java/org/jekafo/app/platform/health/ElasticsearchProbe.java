package org.jekafo.app.platform.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.jekafo.app.platform.faults.FatalErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks Elasticsearch for its cluster health every {@code jekafo.elasticsearch.probe-interval} (2 s), on a thread of
 * its own with a short timeout, and keeps the answer: health reads it without waiting on a paused or unreachable
 * Elasticsearch. Each answer lets the projections resume at once ({@link ProjectionRecovery}); a client whose I/O
 * reactor has stopped ends the process ({@link FatalErrors}).
 */
@Component
class ElasticsearchProbe implements SmartLifecycle {

    /** One check: when, whether Elasticsearch answered, its cluster status (green, yellow, red), else the error. */
    record Observation(Instant at, boolean reachable, String clusterStatus, String error) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient client;
    private final ProjectionRecovery recovery;
    private final FatalErrors fatalErrors;
    private final Clock clock;
    private final Duration interval;
    private final RequestOptions options;
    private volatile Observation last;
    private volatile ScheduledExecutorService executor;

    ElasticsearchProbe(RestClient client, ProjectionRecovery recovery, FatalErrors fatalErrors, Clock clock,
                       @Value("${jekafo.elasticsearch.probe-interval:2s}") Duration interval,
                       @Value("${jekafo.elasticsearch.probe-timeout:1500ms}") Duration timeout) {
        this.client = client;
        this.recovery = recovery;
        this.fatalErrors = fatalErrors;
        this.clock = clock;
        this.interval = interval;
        int millis = (int) timeout.toMillis();
        this.options = RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom()
                .setConnectTimeout(millis).setSocketTimeout(millis).setConnectionRequestTimeout(millis).build()).build();
    }

    /** The latest check; {@code null} before the first. */
    Observation last() {
        return last;
    }

    /** How often Elasticsearch is checked. */
    Duration interval() {
        return interval;
    }

    void check() {
        if (!client.isRunning()) {
            if (isRunning()) {
                fatalErrors.end("the Elasticsearch client (its I/O reactor has stopped)", null);
            }
            return;
        }
        Instant at = clock.instant();
        try {
            Request health = new Request("GET", "/_cluster/health");
            health.setOptions(options);
            Response response = client.performRequest(health);
            String status = JSON.readTree(EntityUtils.toString(response.getEntity())).path("status").asText("?");
            last = new Observation(at, true, status, null);
        } catch (IOException | RuntimeException unreachable) {
            last = new Observation(at, false, null, unreachable.getClass().getSimpleName());
            return;
        }
        recovery.resume();
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "elasticsearch-probe");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** A failed check must not cancel the next ones (a scheduled task that throws is never run again). */
    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            last = new Observation(clock.instant(), false, null, e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
