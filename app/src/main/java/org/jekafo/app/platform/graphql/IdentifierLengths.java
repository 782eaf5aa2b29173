package org.jekafo.app.platform.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.jekafo.api.common.TextLimit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Refuses an {@code ID} longer than {@link TextLimit#IDENTIFIER} anywhere in an operation's arguments, before
 * anything else looks it up (the access check included: it runs innermost of the instrumentations' fetchers,
 * this check outermost). The ids the server assigns have 36 characters; a longer one names nothing, and an
 * oversized one must not reach Elasticsearch (which refuses ids over 512 bytes) as an unexpected failure.
 * Every other text is bounded by the rules of its command or query, which every channel passes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class IdentifierLengths extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        List<GraphQLArgument> arguments = parameters.getExecutionStepInfo().getFieldDefinition().getArguments();
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1 || arguments.isEmpty()) {
            return fetcher;
        }
        return environment -> {
            for (GraphQLArgument argument : arguments) {
                check(argument.getType(), environment.getArguments().get(argument.getName()), argument.getName());
            }
            return fetcher.get(environment);
        };
    }

    private static void check(GraphQLInputType type, Object value, String field) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (value == null) {
            return;
        }
        if (bare instanceof GraphQLList list && value instanceof Iterable<?> elements) {
            elements.forEach(element -> check((GraphQLInputType) list.getWrappedType(), element, field));
        } else if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            for (GraphQLInputObjectField inner : object.getFieldDefinitions()) {
                check(inner.getType(), fields.get(inner.getName()), inner.getName());
            }
        } else if (bare instanceof GraphQLScalarType scalar && "ID".equals(scalar.getName())
                && value instanceof String id) {
            InvalidInputException.bounded(id, TextLimit.IDENTIFIER.forField(field));
        }
    }
}
