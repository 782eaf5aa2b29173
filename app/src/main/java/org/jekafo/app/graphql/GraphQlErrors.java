package org.jekafo.app.graphql;

import org.axonframework.common.IdentifierFactory;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jekafo.api.common.Refusal;
import org.jekafo.app.config.Refusals;
import org.jekafo.app.logging.ExceptionSummary;
import org.jekafo.app.security.AccessRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Turns exceptions into typed GraphQL errors: a stable {@code code} and the {@code field} at fault in
 * {@code extensions}, a French {@code message}. Nothing else leaves the server: unexpected failures are
 * logged under a reference the message quotes, never with a stack trace, class name or SQL.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);
    /** Elasticsearch's answer when an index is missing (lost, being recreated): search is unavailable, not broken. */
    private static final int NOT_FOUND = 404;

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception, DataFetchingEnvironment environment) {
        if (exception instanceof AccessRefusedException refused) {
            ErrorType type = AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code())
                    ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN;
            return error(environment, type, refused.refusal());
        }
        Refusal refusal = refusalIn(exception);
        if (refusal != null) {
            // by code and field only: the refusal's message may quote what was typed
            LOG.info("Refused {} (execution {}): code {}, field {}", environment.getExecutionStepInfo().getPath(),
                    environment.getExecutionId(), refusal.code(), refusal.field());
            ErrorType type = "NOT_FOUND".equals(refusal.code()) ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST;
            return error(environment, type, refusal);
        }
        String unavailable = unavailableService(exception);
        if (unavailable != null) {
            LOG.warn("{} unavailable at {}: {}", unavailable, environment.getExecutionStepInfo().getPath(),
                    ExceptionSummary.of(exception));
            return error(environment, ErrorType.INTERNAL_ERROR, new Refusal("SERVICE_UNAVAILABLE", null,
                    unavailable + " est momentanément indisponible ; réessayez dans quelques instants."));
        }
        String reference = IdentifierFactory.getInstance().generateIdentifier();
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

    /** Which part of the system could not be reached, in words for people, or {@code null}. */
    private static String unavailableService(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return "Le registre des événements";
            }
            // timeouts: a paused or overloaded Elasticsearch, within jekafo.elasticsearch.request-timeout
            if (cause instanceof ConnectException || cause instanceof TransportException
                    || cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    || cause instanceof ElasticsearchException missing && missing.status() == NOT_FOUND) {
                return "La recherche";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
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
