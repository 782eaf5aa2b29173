package org.jekafo.app.platform.messaging;

import org.axonframework.axonserver.connector.DispatchInterceptors;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.GenericStreamingQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.StreamingQueryMessage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;

import javax.annotation.Nonnull;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A query bus that sends every query, subscription query and answer through the {@link AxonServerWire}, as the Axon
 * Server bus does, and has the local bus handle them: what only a serializing bus shows (a list answered, a query
 * that Jackson cannot read back) fails here as it would in production. Handlers and handler interceptors are the
 * local bus's; dispatch interceptors run before serialization, as the Axon Server bus runs them. A handler's failure
 * crosses serialized too (see {@link AxonServerWire}). A streaming query (an export) crosses the wire too: its
 * request, then each result, one by one.
 */
final class SerializingQueryBus implements QueryBus {

    private final QueryBus local;
    private final Supplier<AxonServerWire> wire;
    private final DispatchInterceptors<QueryMessage<?, ?>> dispatchInterceptors = new DispatchInterceptors<>();

    /** {@code wire} is asked for at the first query: the serializers are beans that need not exist yet. */
    SerializingQueryBus(QueryBus local, Supplier<AxonServerWire> wire) {
        this.local = local;
        this.wire = wire;
    }

    @Override
    public <R> Registration subscribe(@Nonnull String queryName, @Nonnull Type responseType,
                                      @Nonnull MessageHandler<? super QueryMessage<?, R>> handler) {
        return local.subscribe(queryName, responseType, handler);
    }

    @Override
    public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(@Nonnull QueryMessage<Q, R> query) {
        QueryMessage<Q, R> sent = dispatchInterceptors.intercept(query);
        return local.query(wire.get().received(sent)).thenApply(answer -> wire.get().answered(answer, sent));
    }

    @Override
    public <Q, R> Publisher<QueryResponseMessage<R>> streamingQuery(@Nonnull StreamingQueryMessage<Q, R> query) {
        StreamingQueryMessage<Q, R> sent = dispatchInterceptors.intercept(query);
        QueryMessage<Q, ?> read = wire.get().received(sent);
        StreamingQueryMessage<Q, R> received = new GenericStreamingQueryMessage<>(read, read.getQueryName(),
                sent.getResponseType());
        return Flux.from(local.streamingQuery(received)).map(result -> wire.get().streamed(result, sent));
    }

    @Override
    public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(@Nonnull QueryMessage<Q, R> query, long timeout,
                                                                @Nonnull TimeUnit unit) {
        QueryMessage<Q, R> sent = dispatchInterceptors.intercept(query);
        return local.scatterGather(wire.get().received(sent), timeout, unit)
                .map(answer -> wire.get().answered(answer, sent));
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
            @Nonnull SubscriptionQueryMessage<Q, I, U> query, int updateBufferSize) {
        SubscriptionQueryMessage<Q, I, U> sent = dispatchInterceptors.intercept(query);
        SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> handled =
                local.subscriptionQuery(wire.get().received(sent), updateBufferSize);
        return new DefaultSubscriptionQueryResult<>(
                handled.initialResult().map(answer -> wire.get().<I>initiallyAnswered(answer, sent)),
                handled.updates().map(update -> wire.get().<U>updated(update)),
                handled::cancel);
    }

    @Override
    public QueryUpdateEmitter queryUpdateEmitter() {
        return local.queryUpdateEmitter();
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return local.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return dispatchInterceptors.registerDispatchInterceptor(interceptor);
    }
}
