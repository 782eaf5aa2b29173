package org.jekafo.app.platform.server;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most so many GraphQL requests run at once; one more waits its turn and runs when a place frees, or is refused
 * with 503 {@code SERVER_BUSY} before anything of it has run once it has waited too long. Subscriptions' WebSocket
 * upgrades and other paths are not counted.
 */
class GraphQlAdmissionTest {

    private final GraphQlAdmission admission = new GraphQlAdmission("/graphql", 1, Duration.ofMillis(300));
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final AtomicInteger ran = new AtomicInteger();

    @Test
    void aRequestBeyondThePlacesIsRefusedAfterItsWaitWithoutRunning() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> send(post(), holding()));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        MockHttpServletResponse second = send(post(), counting());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        assertThat(second.getContentAsString()).contains("\"code\":\"SERVER_BUSY\"").contains("réessayez");
        assertThat(ran).hasValue(0);
        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    @Test
    void aWaitingRequestRunsOnceAPlaceFrees() throws Exception {
        CompletableFuture.supplyAsync(() -> send(post(), holding()));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> waiting = CompletableFuture.supplyAsync(() -> send(post(), counting()));
        Thread.sleep(100);
        assertThat(ran).as("still waiting its turn").hasValue(0);

        finish.countDown();

        assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(1);
    }

    @Test
    void subscriptionsUpgradesAndOtherPathsAreNotCounted() throws Exception {
        CompletableFuture.supplyAsync(() -> send(post(), holding()));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/graphql");
        upgrade.addHeader("Upgrade", "websocket");

        assertThat(send(upgrade, counting()).getStatus()).isEqualTo(200);
        assertThat(send(new MockHttpServletRequest("GET", "/actuator/health"), counting()).getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
        finish.countDown();
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private static MockHttpServletRequest post() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setContentType("application/json");
        request.setContent("{\"query\":\"{ __typename }\"}".getBytes());
        return request;
    }

    /** Runs until the test lets it finish. */
    private FilterChain holding() {
        return (request, response) -> {
            running.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private FilterChain counting() {
        return (request, response) -> ran.incrementAndGet();
    }
}
