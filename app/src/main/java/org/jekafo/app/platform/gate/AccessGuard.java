package org.jekafo.app.platform.gate;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * GraphQL's side of the {@link Gate}: before an operation runs, the caller must be authenticated and hold a role
 * its rule allows ({@link AccessRules}, declared by the features' policies). Whether the member or unit it is about
 * is within the caller's bounds is decided by the gate, when the operation's command or query is dispatched.
 * A refusal is a typed error ({@code UNAUTHENTICATED} or {@code FORBIDDEN}) and nothing is read or changed. Deny by
 * default: an operation without a rule is refused to everyone. Introspection ({@code __schema}, {@code __type})
 * needs a valid token.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // its check runs inside the argument checks (IdentifierLengths)
class AccessGuard extends SimplePerformantInstrumentation {

    /** Introspection: open to every authenticated caller, whatever their role, and to nobody else. */
    private static final List<String> INTROSPECTION = List.of("__schema", "__type");

    private final PrincipalProvider principals;
    private final AccessRules rules;

    AccessGuard(PrincipalProvider principals, AccessRules rules) {
        this.principals = principals;
        this.rules = rules;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        String field = step.getFieldDefinition().getName();
        if (step.getPath().getLevel() != 1 || field.equals("__typename")) {
            return fetcher;
        }
        if (INTROSPECTION.contains(field)) {
            return environment -> {
                principals.of(environment.getGraphQlContext()); // refuses anonymous callers: the schema is for those who hold a token
                return fetcher.get(environment);
            };
        }
        String operation = step.getObjectType().getName() + "." + field;
        if (step.getObjectType().getName().equals("Subscription")) {
            // a refusal travels in the stream: over SSE, a failed fetch would only read "not a subscription"
            return environment -> {
                try {
                    authorize(operation, environment);
                } catch (AccessRefusedException refused) {
                    return SubscriptionRefusals.refused(refused);
                }
                return fetcher.get(environment);
            };
        }
        return environment -> {
            authorize(operation, environment);
            return fetcher.get(environment);
        };
    }

    private void authorize(String operation, DataFetchingEnvironment environment) {
        rules.authorize(operation, principals.of(environment.getGraphQlContext()));
    }
}
