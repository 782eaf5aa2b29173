package org.jekafo.app.platform.readmodel;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.jekafo.api.projection.ProjectedVersionView;
import org.reactivestreams.Publisher;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Live updates from the projections, the way read-your-writes learns of them: a query sent as an Axon subscription
 * query, whose updates are the projection's announcements that it has committed a document
 * ({@link ProjectedVersionView}: which one, at which version, never what it holds). The projections emit them once
 * their unit of work has committed ({@code ProjectionIndex.onWritten}, {@code onCreated}); on Axon Server they reach
 * the subscriber whichever instance applied the event. What a subscriber pushes to its client it reads again with an
 * ordinary query, so each push passes the gate and personal-data masking as the caller's own read.
 */
@Component
public class Announcements {

    private final QueryGateway queries;

    Announcements(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * Sends {@code query} with {@code metaData} (the caller's principal: the gate admits or refuses it as theirs) as a
     * subscription query when the returned stream is subscribed, and cancels it when the stream ends. Nothing is
     * announced before the query's initial answer has come back, so a refused query announces nothing.
     *
     * @param answer what to stream, given the initial answer (empty when null) and the announced writes
     */
    public <I, T> Flux<T> follow(Object query, Class<I> initialType, Map<String, ?> metaData,
                                 BiFunction<Optional<I>, Flux<ProjectedVersionView>, Publisher<T>> answer) {
        return follow(query, initialType, ProjectedVersionView.class, metaData, answer);
    }

    /**
     * {@link #follow(Object, Class, Map, BiFunction)} for a query whose updates are of {@code updateType}: what a
     * feature emits itself (an import's progress, from the instance that runs it).
     */
    public <I, U, T> Flux<T> follow(Object query, Class<I> initialType, Class<U> updateType, Map<String, ?> metaData,
                                    BiFunction<Optional<I>, Flux<U>, Publisher<T>> answer) {
        return Flux.using(() -> queries.subscriptionQuery(GenericMessage.asMessage(query).andMetaData(metaData),
                        ResponseTypes.instanceOf(initialType), ResponseTypes.instanceOf(updateType)),
                subscription -> subscription.initialResult().map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMapMany(initial -> answer.apply(initial, subscription.updates())),
                SubscriptionQueryResult::cancel);
    }
}
