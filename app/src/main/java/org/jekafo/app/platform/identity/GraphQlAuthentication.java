package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.gate.SubscriptionRefusals;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who calls, for every GraphQL request whatever its transport, and for how long. Over HTTP (and SSE) the bearer
 * token was checked by Spring Security's filter; a WebSocket connection authenticates once, at
 * {@code connection_init}, with the token its payload carries ({@code {"Authorization": "Bearer …"}}) or else the
 * one the HTTP upgrade request carried: without a valid token the connection is closed (4401), before any request.
 * Each request is then bound to its caller (the {@link PrincipalProvider#of GraphQL context}, and the security
 * context its resolvers see), since a subscription's results are rendered on other threads and a WebSocket's
 * requests all act for the connection's token. A token's expiry ({@code exp}) ends the subscriptions it opened, over
 * WebSocket or SSE, with {@code UNAUTHENTICATED}, and a WebSocket connection's later requests are refused the same
 * way: a new connection with a new token takes over.
 */
@Component
class GraphQlAuthentication implements WebSocketGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlAuthentication.class);
    /** Where a WebSocket connection keeps the authentication of its {@code connection_init}. */
    private static final String CONNECTION = GraphQlAuthentication.class.getName() + ".authentication";
    /** The key Spring Security's thread-local accessor reads the security context under, in Reactor's context. */
    private static final String SECURITY_CONTEXT = SecurityContext.class.getName();
    private static final String BEARER = "bearer ";

    private final JwtDecoder decoder;
    private final Clock clock;

    GraphQlAuthentication(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo connection, Map<String, Object> payload) {
        try {
            TokenAuthentication authentication = fromPayload(payload).or(GraphQlAuthentication::fromUpgradeRequest)
                    .orElseThrow(AccessRefusedException::unauthenticated);
            if (expired(authentication)) {
                throw expiredToken();
            }
            connection.getAttributes().put(CONNECTION, authentication);
            return Mono.empty();
        } catch (AccessRefusedException | JwtException | OAuth2AuthenticationException refused) {
            LOG.info("GraphQL WebSocket connection {} refused: {}", connection.getId(),
                    refused instanceof AccessRefusedException ? "no valid token" : "invalid token");
            return Mono.error(refused);
        }
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean overWebSocket = request instanceof WebSocketGraphQlRequest;
        TokenAuthentication caller = overWebSocket
                ? (TokenAuthentication) ((WebSocketGraphQlRequest) request).getSessionInfo().getAttributes().get(CONNECTION)
                : SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token ? token : null;
        if (caller == null) {
            return chain.next(request); // anonymous over HTTP: every operation answers UNAUTHENTICATED
        }
        if (overWebSocket && expired(caller)) {
            // refused by the access guard; the upgrade request's security context must not stand in for it either
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(PrincipalProvider.refused(expiredToken())).build());
            return chain.next(request).contextWrite(Context.of(SECURITY_CONTEXT, SecurityContextHolder.createEmptyContext()));
        }
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(PrincipalProvider.bound(caller.getPrincipal())).build());
        return chain.next(request)
                .map(response -> response.getData() instanceof Publisher<?> results
                        ? response.transform(builder -> builder.data(untilExpiry(results, caller))) : response)
                .contextWrite(Context.of(SECURITY_CONTEXT, new SecurityContextImpl(caller)));
    }

    /** A subscription's results until its token expires; then the subscription ends with {@code UNAUTHENTICATED}. */
    private Flux<Object> untilExpiry(Publisher<?> results, TokenAuthentication caller) {
        return Flux.defer(() -> {
            Duration left = Duration.between(clock.instant(), expiresAt(caller));
            AtomicBoolean expired = new AtomicBoolean();
            return Flux.<Object>from(results)
                    .takeUntilOther(Mono.delay(left.isNegative() ? Duration.ZERO : left).doOnNext(t -> expired.set(true)))
                    .concatWith(Flux.defer(() -> expired.get() ? SubscriptionRefusals.refused(expiredToken()) : Flux.empty()));
        });
    }

    private Optional<TokenAuthentication> fromPayload(Map<String, Object> payload) {
        if (payload == null) {
            return Optional.empty();
        }
        return payload.entrySet().stream().filter(entry -> "authorization".equalsIgnoreCase(entry.getKey()))
                .findFirst().map(entry -> {
                    String value = entry.getValue() instanceof String text ? text.strip() : "";
                    if (!value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                        throw AccessRefusedException.unauthenticated();
                    }
                    return new TokenClaims().convert(decoder.decode(value.substring(BEARER.length()).strip()));
                });
    }

    /** The token the HTTP upgrade request carried, checked by the security filter (its thread context is restored here). */
    private static Optional<TokenAuthentication> fromUpgradeRequest() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication token
                ? Optional.of(token) : Optional.empty();
    }

    private boolean expired(TokenAuthentication authentication) {
        return !clock.instant().isBefore(expiresAt(authentication));
    }

    private static Instant expiresAt(TokenAuthentication authentication) {
        return authentication.getCredentials().getExpiresAt(); // the decoder accepts no token without one
    }

    private static AccessRefusedException expiredToken() {
        return AccessRefusedException.unauthenticated("Le jeton d'accès de cette connexion a expiré : ouvrez une "
                + "nouvelle connexion avec un jeton valide.");
    }
}
