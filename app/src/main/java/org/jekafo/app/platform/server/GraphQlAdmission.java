package org.jekafo.app.platform.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admits at most {@code jekafo.graphql.concurrent-requests} GraphQL requests over HTTP at once (by default twice the
 * processors); the others wait their turn in order of arrival, up to {@code jekafo.graphql.admission-wait}, and are
 * then refused with 503 {@code SERVER_BUSY} and {@code Retry-After}, before anything of theirs has run. WebSocket
 * upgrades (subscriptions) are not counted: a subscription's events are not request work.
 *
 * <p>Why: a GraphQL request is CPU work from end to end (its token, the engine, the gate, the command or the read).
 * With one thread per request, 16 voters at once were 16 threads sharing two cores with Elasticsearch's refreshes and
 * the projections, which then fell behind: a ballot showed in the turnout 1.0 s after its acknowledgement at the
 * median and 2.3 s at the 99th percentile. With 4 requests running at a time and the rest waiting, the same ballots
 * came in at the same rate and showed within 0.5 s and 0.9 s (README, Ballots). Waiting costs no CPU; taking turns
 * leaves the cores to the work already admitted and to what must follow it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before the security filters: a token's verification is part of the work
public class GraphQlAdmission extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlAdmission.class);
    private static final String REFUSAL = "{\"errors\":[{\"message\":\"Le serveur traite déjà le plus de requêtes "
            + "qu'il peut : réessayez dans quelques secondes.\",\"extensions\":{\"code\":\"SERVER_BUSY\","
            + "\"field\":null,\"classification\":\"SERVICE_UNAVAILABLE\"}}]}";

    private final String path;
    private final int permits;
    private final Semaphore running;
    private final Duration maxWait;

    GraphQlAdmission(@Value("${spring.graphql.http.path:/graphql}") String path,
                     @Value("${jekafo.graphql.concurrent-requests:0}") int concurrentRequests,
                     @Value("${jekafo.graphql.admission-wait:15s}") Duration maxWait) {
        this.path = path;
        this.permits = concurrentRequests > 0 ? concurrentRequests : 2 * Runtime.getRuntime().availableProcessors();
        this.running = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path.equals(request.getRequestURI()) || "OPTIONS".equals(request.getMethod())
                || request.getHeader(HttpHeaders.UPGRADE) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            LOG.warn("SERVER_BUSY: a GraphQL request waited {} for one of the {} places and was refused", maxWait,
                    permits);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(REFUSAL);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }
}
