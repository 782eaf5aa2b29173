package org.jekafo.app;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One WebSocket connection to the server's {@code /graphql} (protocol graphql-transport-ws, Spring's
 * {@link WebSocketGraphQlTester} on the standard WebSocket client), its token given in {@code connection_init} or in
 * the upgrade request's header, and the subscriptions a test runs over it. Not a test: {@link TestApi#live()} opens one.
 */
public final class LiveConnection implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final WebSocketGraphQlTester tester;

    private LiveConnection(WebSocketGraphQlTester tester) {
        this.tester = tester;
    }

    /** A connection whose {@code connection_init} payload is {@code initPayload} (no payload when empty). */
    static LiveConnection open(int port, Map<String, Object> initPayload) {
        return new LiveConnection(WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                        new StandardWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return initPayload.isEmpty() ? Mono.empty() : Mono.just(initPayload);
                    }
                }).build());
    }

    /** A connection with no {@code connection_init} payload, its token in the upgrade request's header. */
    static LiveConnection openWithUpgradeHeader(int port, String token) {
        return new LiveConnection(WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql",
                new StandardWebSocketClient()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
    }

    /** Starts a subscription (the connection opens with the first one). */
    public Received subscribe(String document, Map<String, ?> variables) {
        GraphQlTester.Request<?> request = tester.document(document);
        variables.forEach(request::variable);
        return new Received(request);
    }

    /**
     * Waits until the server follows {@code query} for a subscriber ({@link QueryUpdateEmitter#activeSubscriptions()}):
     * a subscription without a first result (new members) is then sure to see what happens next.
     */
    public static void awaitFollowed(QueryUpdateEmitter emitter, Object query) {
        await().atMost(WAIT).until(() -> emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> query.equals(subscription.getPayload())));
    }

    /** Waits until the server no longer follows {@code query} for anyone: the subscriptions that sent it have ended. */
    public static void awaitNotFollowed(QueryUpdateEmitter emitter, Object query) {
        await().atMost(WAIT).until(() -> emitter.activeSubscriptions().stream()
                .noneMatch(subscription -> query.equals(subscription.getPayload())));
    }

    /** Connects now: fails when the server refuses the connection. */
    public void start() {
        tester.start().block(WAIT);
    }

    /**
     * How the server closes a connection it refuses: the failure of {@link #start()}. The server sends its close code
     * (4401) and closes; on a loaded machine the client sometimes reads the end of the stream before that close frame
     * and reports an abnormal closure (1006) instead, which says nothing of why: such an attempt is made again, on a
     * new connection opened by {@code reconnect}, at most three times.
     */
    public static Throwable refusal(java.util.function.Supplier<LiveConnection> reconnect) {
        Throwable failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (LiveConnection connection = reconnect.get()) {
                connection.start();
                return null;
            } catch (RuntimeException refused) {
                failure = refused;
                if (!String.valueOf(refused.getMessage()).contains("code=1006")) {
                    return refused;
                }
            }
        }
        return failure;
    }

    @Override
    public void close() {
        tester.stop().block(WAIT);
    }

    /** What one subscription receives, in order: results, then its end (completion or error). */
    public static final class Received {

        private static final Object COMPLETED = new Object();

        private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        private final Disposable subscription;
        /** A signal taken by {@link #signalsWithin} and not read yet. */
        private Object peeked;

        private Received(GraphQlTester.Request<?> request) {
            subscription = request.executeSubscription().toFlux()
                    .subscribe(signals::add, signals::add, () -> signals.add(COMPLETED));
        }

        /** The data at {@code path} of the next result, which must come without errors. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> next(String path) {
            return data(path, nextResult());
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> data(String path, GraphQlTester.Response result) {
            return result.path(path).entity(Map.class).get();
        }

        /** The data at {@code path} of the next result, a list. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> nextList(String path) {
            return nextResult().path(path).entityList(Map.class).get().stream().map(item -> (Map<String, Object>) item)
                    .toList();
        }

        private GraphQlTester.Response nextResult() {
            Object signal = take();
            if (signal instanceof Throwable failure) {
                throw new AssertionError("the subscription ended with " + failure, failure);
            }
            assertThat(signal).as("the subscription completed instead of answering").isNotSameAs(COMPLETED);
            return (GraphQlTester.Response) signal;
        }

        /** The data at {@code path} of every result until the subscription completes, which it must, without error. */
        public List<Map<String, Object>> untilComplete(String path) {
            List<Map<String, Object>> results = new ArrayList<>();
            for (Object signal = take(); signal != COMPLETED; signal = take()) {
                if (signal instanceof Throwable failure) {
                    throw new AssertionError("the subscription ended with " + failure, failure);
                }
                results.add(data(path, (GraphQlTester.Response) signal));
            }
            return results;
        }

        /** The errors the subscription ends with, next. */
        public List<ResponseError> errors() {
            Object signal = take();
            assertThat(signal).as("the subscription's next signal").isInstanceOf(SubscriptionErrorException.class);
            return ((SubscriptionErrorException) signal).getErrors();
        }

        /** The errors the subscription ends with, after whatever results it still pushes first. */
        public List<ResponseError> errorsAfterResults() {
            Object signal = take();
            while (signal instanceof GraphQlTester.Response) {
                signal = take();
            }
            assertThat(signal).as("the subscription's end").isInstanceOf(SubscriptionErrorException.class);
            return ((SubscriptionErrorException) signal).getErrors();
        }

        /** Whether a signal has come, or comes within {@code wait}; it is kept for what the test reads next. */
        public boolean signalsWithin(Duration wait) {
            if (peeked == null) {
                try {
                    peeked = signals.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return peeked != null;
        }

        /** The errors of the first signal: none when it is a result or the completion. */
        public List<ResponseError> firstErrors() {
            Object signal = take();
            if (signal instanceof SubscriptionErrorException failed) {
                return failed.getErrors();
            }
            if (signal instanceof Throwable broken) {
                throw new AssertionError("the subscription failed without a GraphQL error: " + broken, broken);
            }
            return List.of();
        }

        /** Whether the first signal is a result (not an error nor the end). */
        public boolean answers() {
            return take() instanceof GraphQlTester.Response;
        }

        /** The subscription completes next, without a result. */
        public void completes() {
            assertThat(take()).as("the subscription's next signal").isSameAs(COMPLETED);
        }

        /** Stops the subscription from the client's side (a {@code complete} message). */
        public void cancel() {
            subscription.dispose();
        }

        private Object take() {
            if (peeked != null) {
                Object signal = peeked;
                peeked = null;
                return signal;
            }
            try {
                Object signal = signals.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(signal).as("a signal of the subscription within %s", WAIT).isNotNull();
                return signal;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
