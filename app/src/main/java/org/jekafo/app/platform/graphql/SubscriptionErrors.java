package org.jekafo.app.platform.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription's stream that fails (its query refused by the gate, a member moved out of the caller's reach, an
 * unknown id) ends with the same typed error as a query would answer ({@link GraphQlErrors}), not with an anonymous
 * "Subscription error".
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        return GraphQlErrors.error(GraphqlErrorBuilder.newError(), GraphQlErrors.typed(exception, "a subscription"));
    }
}
