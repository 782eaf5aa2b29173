package org.jekafo.app.platform.graphql;

import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code jekafo.graphql.websocket.max-subscriptions} (20) subscriptions run at once on one WebSocket
 * connection: one more is refused with {@code TOO_MANY_SUBSCRIPTIONS} before it starts, and a place frees when a
 * subscription ends (completed, failed, or stopped by the client). Over SSE each subscription is a request of its
 * own, bounded like any other.
 */
@Component
class SubscriptionLimits implements WebGraphQlInterceptor {

    private static final String OPEN = SubscriptionLimits.class.getName() + ".open";

    private final int maxSubscriptions;

    SubscriptionLimits(@Value("${jekafo.graphql.websocket.max-subscriptions:20}") int maxSubscriptions) {
        this.maxSubscriptions = maxSubscriptions;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest overWebSocket)) {
            return chain.next(request);
        }
        AtomicInteger open = (AtomicInteger) overWebSocket.getSessionInfo().getAttributes()
                .computeIfAbsent(OPEN, key -> new AtomicInteger());
        return chain.next(request).map(response -> {
            if (!(response.getData() instanceof Publisher<?> results)) {
                return response;
            }
            if (open.incrementAndGet() > maxSubscriptions) {
                open.decrementAndGet();
                return response.transform(builder -> builder.data(Flux.error(tooMany())));
            }
            return response.transform(builder -> builder.data(Flux.from(results).doFinally(end -> open.decrementAndGet())));
        });
    }

    private SubscriptionPublisherException tooMany() {
        String message = "Cette connexion suit déjà " + maxSubscriptions + " abonnements, le plus qu'elle puisse suivre "
                + "à la fois : terminez-en un avant d'en ouvrir un autre.";
        return new SubscriptionPublisherException(List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
                .message(message).extensions(Map.of("code", "TOO_MANY_SUBSCRIPTIONS", "classification",
                        ErrorType.BAD_REQUEST.name())).build()), null);
    }
}
