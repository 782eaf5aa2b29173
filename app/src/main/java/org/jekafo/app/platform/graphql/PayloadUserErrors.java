package org.jekafo.app.platform.graphql;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jekafo.api.common.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Puts the refusals a user can correct into the mutation's payload, as {@code userErrors}, instead of a top-level
 * error: for every mutation whose payload type has a {@code userErrors} field, with no other change to the
 * features' controllers. A refused mutation answers a payload with its {@code clientMutationId} and its problems,
 * every other field null; one that succeeded answers an empty {@code userErrors}. What a user cannot correct by
 * editing the input stays a top-level error: authentication and roles (the gate), limits, unavailable services and
 * faults. Each root field of {@code Mutation} is nullable, so a top-level error of one aliased mutation leaves the
 * others' payloads in {@code data}.
 */
@Component
class PayloadUserErrors extends SimplePerformantInstrumentation {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadUserErrors.class);
    static final String USER_ERRORS = "userErrors";

    /** The payload of a refused mutation: its other fields read null. */
    record RefusedPayload(String clientMutationId, List<UserError> userErrors) {
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        GraphQLFieldDefinition field = step.getFieldDefinition();
        if (field.getName().equals(USER_ERRORS)) {
            return environment -> {
                if (environment.getSource() instanceof RefusedPayload refused) {
                    return refused.userErrors();
                }
                Object own = fetcher.get(environment); // a payload that reports its own (a batch's items)
                return own == null ? List.of() : own;
            };
        }
        if (step.getPath().getLevel() != 1 || !step.getObjectType().getName().equals("Mutation")
                || !reportsUserErrors(field.getType())) {
            return fetcher;
        }
        return environment -> {
            Object result;
            try {
                result = fetcher.get(environment);
            } catch (RuntimeException failure) {
                return refusedOrThrow(failure, environment);
            }
            if (result instanceof CompletionStage<?> stage) {
                @SuppressWarnings("unchecked")
                CompletableFuture<Object> answer = ((CompletionStage<Object>) stage).toCompletableFuture();
                return answer.exceptionallyCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                            ? wrapped.getCause() : failure;
                    try {
                        return CompletableFuture.completedFuture(refusedOrThrow(cause, environment));
                    } catch (RuntimeException notFixable) {
                        return CompletableFuture.failedFuture(notFixable);
                    }
                });
            }
            return result;
        };
    }

    private static boolean reportsUserErrors(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLFieldsContainer payload
                && payload.getFieldDefinition(USER_ERRORS) != null;
    }

    /** The payload of a refusal the user can correct; anything else is thrown again, as a top-level error. */
    private static Object refusedOrThrow(Throwable failure, DataFetchingEnvironment environment) {
        Refusal refusal = GraphQlRefusals.userFixable(failure);
        if (refusal == null) {
            throw failure instanceof RuntimeException runtime ? runtime : new CompletionException(failure);
        }
        // by code and field only: a refusal's message may quote what was typed
        LOG.info("Refused {} (execution {}): {}", environment.getExecutionStepInfo().getPath(),
                environment.getExecutionId(), refusal.all().stream().map(p -> p.code() + "@" + p.field()).toList());
        return new RefusedPayload(clientMutationId(environment), UserError.of(refusal, List.of("input")));
    }

    private static String clientMutationId(DataFetchingEnvironment environment) {
        return environment.getArgument("input") instanceof Map<?, ?> input
                && input.get("clientMutationId") instanceof String id ? id : null;
    }
}
