package org.jekafo.app.platform.gate;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import reactor.core.publisher.Flux;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A subscription refused by {@link AccessGuard}, or ended because its connection's token expired, as a stream that
 * fails with the same typed error ({@code code}, French message) as a refused query: over SSE, a failed fetch would
 * only read "not a subscription", and the guard runs outside Spring's resolution of a stream's exceptions.
 */
public final class SubscriptionRefusals {

    private SubscriptionRefusals() {
    }

    /** A stream that fails at once with {@code refused} as its typed error. */
    public static <T> Flux<T> refused(AccessRefusedException refused) {
        ErrorType type = AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code())
                ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN;
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", refused.refusal().code());
        extensions.put("classification", type.name());
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(type).message(refused.getMessage())
                .extensions(extensions).build();
        return Flux.error(new SubscriptionPublisherException(List.of(error), refused));
    }
}
