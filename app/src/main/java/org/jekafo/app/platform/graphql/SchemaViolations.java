package org.jekafo.app.platform.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the errors graphql-java raises before any resolver runs (a document that does not parse, an input
 * the schema refuses: wrong type, missing required field) the same shape as every other error: a stable
 * {@code code} in the extensions and a French message, with graphql-java's own words as the detail. The
 * {@code field} is left empty: graphql-java does not say which input field it refused in a structured way,
 * and its message text is not parsed for meaning.
 */
@Component
class SchemaViolations implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(SchemaViolations::untyped)) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream()
                    .map(error -> untyped(error) ? typed(error) : error).toList()));
        });
    }

    private static boolean untyped(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return (type == graphql.ErrorType.ValidationError || type == graphql.ErrorType.InvalidSyntax)
                && (error.getExtensions() == null || !error.getExtensions().containsKey("code"));
    }

    private static GraphQLError typed(GraphQLError error) {
        boolean syntax = error.getErrorType() == graphql.ErrorType.InvalidSyntax;
        Map<String, Object> extensions = new HashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", syntax ? "INVALID_SYNTAX" : "INVALID_INPUT");
        extensions.put("classification", error.getErrorType().toString());
        extensions.putIfAbsent("field", null);
        extensions.put("detail", error.getMessage());
        String message = syntax ? "La requête GraphQL est mal formée."
                : "La requête ne respecte pas le schéma : un champ manque, est inconnu ou n'a pas le bon type.";
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).path(error.getPath())
                .errorType(error.getErrorType()).extensions(extensions).build();
    }
}
