package org.jekafo.app.platform.messaging;

import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.axonserver.connector.query.subscription.SubscriptionMessageSerializer;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.StreamingQueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.serialization.Serializer;

/**
 * What Axon Server does to a query between the node that sends it and the node that handles it, done by the
 * connector's own serializers ({@link QuerySerializer}, {@link SubscriptionMessageSerializer}) with the application's
 * serializers: the query's payload and metadata go through the messages serializer, its response type through the
 * general one; the handler's answer goes through the messages serializer, which writes only the answer's class name
 * (a list's elements lose theirs), and is then converted to the response type the sender asked for.
 *
 * <p>A handler's failure crosses too: only its message and its details travel, so a refusal (and an unreachable
 * Elasticsearch, refused as {@code SERVICE_UNAVAILABLE} by {@code SearchUnavailable}) must be in the details.
 */
final class AxonServerWire {

    private static final int ONE_RESULT = 1;
    private static final long TIMEOUT_MILLIS = 3_600_000;
    private static final int PRIORITY = 0;

    private final QuerySerializer queries;
    private final SubscriptionMessageSerializer subscriptions;

    AxonServerWire(Serializer messageSerializer, Serializer generalSerializer) {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("jekafo-test");
        configuration.setComponentName("jekafo");
        this.queries = new QuerySerializer(messageSerializer, generalSerializer, configuration);
        this.subscriptions = new SubscriptionMessageSerializer(messageSerializer, generalSerializer, configuration);
    }

    /** The query as the handling node reads it. */
    <Q, R> QueryMessage<Q, R> received(QueryMessage<Q, R> query) {
        QueryRequest request = queries.serializeRequest(query, ONE_RESULT, TIMEOUT_MILLIS, PRIORITY);
        return queries.deserializeRequest(request);
    }

    /** The handler's answer, or its failure, as the sending node reads it, converted to the type it asked for. */
    <R> QueryResponseMessage<R> answered(QueryResponseMessage<?> answer, QueryMessage<?, R> query) {
        QueryResponse response = queries.serializeResponse(answer, query.getIdentifier());
        return queries.deserializeResponse(response, query.getResponseType());
    }

    /** One result of a streaming query as the sending node reads it. */
    @SuppressWarnings("unchecked")
    <R> QueryResponseMessage<R> streamed(QueryResponseMessage<?> result, StreamingQueryMessage<?, R> query) {
        QueryResponse response = queries.serializeResponse(result, query.getIdentifier());
        return queries.deserializeResponse(response, ResponseTypes.instanceOf(
                (Class<R>) query.getResponseType().getExpectedResponseType()));
    }

    /** The subscription query as the handling node reads it. */
    <Q, I, U> SubscriptionQueryMessage<Q, I, U> received(SubscriptionQueryMessage<Q, I, U> query) {
        return subscriptions.deserialize(subscriptions.serialize(query));
    }

    /** A subscription's initial answer as the subscriber reads it: not converted (the connector does not). */
    @SuppressWarnings("unchecked")
    <I> QueryResponseMessage<I> initiallyAnswered(QueryResponseMessage<?> answer,
                                                  SubscriptionQueryMessage<?, ?, ?> query) {
        if (answer.isExceptional()) {
            return (QueryResponseMessage<I>) answer;
        }
        return subscriptions.deserialize(queries.serializeResponse(answer, query.getIdentifier()));
    }

    /** An update as the subscriber reads it: not converted either; a failure as raised. */
    @SuppressWarnings("unchecked")
    <U> SubscriptionQueryUpdateMessage<U> updated(SubscriptionQueryUpdateMessage<?> update) {
        if (update.isExceptional()) {
            return (SubscriptionQueryUpdateMessage<U>) update;
        }
        return subscriptions.deserialize(subscriptions.serialize(update));
    }
}
