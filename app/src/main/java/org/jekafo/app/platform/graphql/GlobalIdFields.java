package org.jekafo.app.platform.graphql;

import graphql.Scalars;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Global ids on the wire ({@link GlobalIds}), with no change to the features: every {@code ID} argument or input
 * field reaches the controllers as the identifier it names; the {@code id} of every type implementing
 * {@code Node}, and the {@code ID} fields that link to another entity ({@link GlobalIds#LINKS}), leave as global
 * ids. {@code node} and {@code nodes} read their global ids themselves.
 */
@Component
class GlobalIdFields extends SimplePerformantInstrumentation {

    private static final Set<String> READ_THEIR_OWN = Set.of("node", "nodes");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        GraphQLFieldDefinition field = step.getFieldDefinition();
        String encodeAs = encodedAs(field, step.getObjectType());
        boolean decode = !field.getArguments().isEmpty()
                && !(step.getPath().getLevel() == 1 && READ_THEIR_OWN.contains(field.getName()));
        if (encodeAs == null && !decode) {
            return fetcher;
        }
        return environment -> {
            DataFetchingEnvironment decoded = decode ? withIdentifiers(environment, field) : environment;
            Object result = fetcher.get(decoded);
            if (encodeAs == null) {
                return result;
            }
            if (result instanceof CompletionStage<?> stage) {
                return stage.thenApply(value -> encode(value, encodeAs));
            }
            return encode(result, encodeAs);
        };
    }

    /** The type a field's {@code ID} value names, if it leaves as a global id. */
    private static String encodedAs(GraphQLFieldDefinition field, GraphQLObjectType owner) {
        if (GraphQLTypeUtil.unwrapAll(field.getType()) != Scalars.GraphQLID) {
            return null;
        }
        if (field.getName().equals("id")) {
            boolean node = owner.getInterfaces().stream().anyMatch(i -> ((GraphQLNamedType) i).getName().equals("Node"));
            return node ? owner.getName() : null;
        }
        return GlobalIds.LINKS.get(field.getName());
    }

    private static Object encode(Object value, String type) {
        if (value instanceof List<?> list) {
            return list.stream().map(element -> encode(element, type)).toList();
        }
        return value instanceof String identifier ? GlobalIds.of(type, identifier) : value;
    }

    private static DataFetchingEnvironment withIdentifiers(DataFetchingEnvironment environment,
                                                           GraphQLFieldDefinition field) {
        Map<String, Object> arguments = new LinkedHashMap<>(environment.getArguments());
        for (GraphQLArgument argument : field.getArguments()) {
            if (arguments.containsKey(argument.getName())) {
                arguments.put(argument.getName(), identifiers(arguments.get(argument.getName()), argument.getType()));
            }
        }
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).arguments(arguments).build();
    }

    /** The value with every global id of an {@code ID} position replaced by the identifier it names. */
    private static Object identifiers(Object value, GraphQLInputType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (value == null) {
            return null;
        }
        if (bare instanceof GraphQLList list && value instanceof List<?> values) {
            List<Object> decoded = new ArrayList<>();
            values.forEach(element -> decoded.add(identifiers(element, (GraphQLInputType) list.getWrappedType())));
            return decoded;
        }
        if (bare instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            Map<String, Object> decoded = new LinkedHashMap<>();
            fields.forEach((name, fieldValue) -> {
                GraphQLInputObjectField definition = object.getFieldDefinition((String) name);
                decoded.put((String) name, definition == null ? fieldValue
                        : identifiers(fieldValue, definition.getType()));
            });
            return decoded;
        }
        if (bare == Scalars.GraphQLID && value instanceof String id) {
            return GlobalIds.identifierOf(id);
        }
        return value;
    }
}
