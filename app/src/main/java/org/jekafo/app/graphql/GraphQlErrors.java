package org.jekafo.app.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jekafo.api.common.Refusal;
import org.jekafo.app.config.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns exceptions into typed GraphQL errors: a stable {@code code} and the {@code field} at fault in
 * {@code extensions}, a French {@code message}. Nothing else leaves the server: unexpected failures are
 * logged under a reference the message quotes, never with a stack trace, class name or SQL.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        Refusal refusal = refusalIn(exception);
        if (refusal != null) {
            ErrorType type = "NOT_FOUND".equals(refusal.code()) ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST;
            return error(environment, type, refusal);
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unexpected failure {} in {}", reference, environment.getExecutionStepInfo().getPath(), exception);
        return error(environment, ErrorType.INTERNAL_ERROR, new Refusal("INTERNAL_ERROR", null,
                "Erreur interne du serveur ; elle a été journalisée sous la référence " + reference + "."));
    }

    /** The refusal somewhere in the cause chain, if any. */
    static Refusal refusalIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid.refusal();
            }
        }
        return Refusals.in(exception);
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorType type, Refusal refusal) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", refusal.code());
        extensions.put("field", refusal.field());
        extensions.put("classification", type.name());
        return GraphqlErrorBuilder.newError(environment).errorType(type).message(refusal.message())
                .extensions(extensions).build();
    }
}
