package org.jekafo.app.platform.graphql;

import org.axonframework.common.IdentifierFactory;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.jekafo.api.common.Refusal;
import org.jekafo.app.platform.messaging.Refusals;
import org.jekafo.app.platform.logging.ExceptionSummary;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLTransientConnectionException;
import org.jekafo.query.elasticsearch.SearchUnavailable;
import java.util.HashMap;
import java.util.Map;

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
        Typed typed = typed(exception, environment.getExecutionStepInfo().getPath() + " (execution "
                + environment.getExecutionId() + ")");
        return error(GraphqlErrorBuilder.newError(environment), typed);
    }

    /** An error's classification and what the client reads of it. */
    record Typed(ErrorType type, Refusal refusal) {
    }

    /**
     * What the client reads of {@code exception}, raised at {@code where} (for the log): an access refusal, a typed
     * refusal, an unreachable store, or an unexpected failure logged under a reference.
     */
    static Typed typed(Throwable exception, String where) {
        AccessRefusedException refused = causeOf(exception, AccessRefusedException.class);
        if (refused != null) {
            ErrorType type = AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code())
                    ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN;
            return new Typed(type, refused.refusal());
        }
        Refusal refusal = refusalIn(exception);
        if (refusal != null) {
            // by code and field only: the refusal's message may quote what was typed
            LOG.info("Refused {}: code {}, field {}", where, refusal.code(), refusal.field());
            ErrorType type = "NOT_FOUND".equals(refusal.code()) ? ErrorType.NOT_FOUND
                    : SearchUnavailable.CODE.equals(refusal.code()) ? ErrorType.INTERNAL_ERROR : ErrorType.BAD_REQUEST;
            return new Typed(type, refusal);
        }
        String unavailable = unavailableService(exception);
        if (unavailable != null) {
            LOG.warn("{} unavailable at {}: {}", unavailable, where, ExceptionSummary.of(exception));
            return new Typed(ErrorType.INTERNAL_ERROR, new Refusal("SERVICE_UNAVAILABLE", null,
                    unavailable + " est momentanément indisponible ; réessayez dans quelques instants."));
        }
        String reference = IdentifierFactory.getInstance().generateIdentifier();
        LOG.error("Unexpected failure {} in {}", reference, where, exception);
        return new Typed(ErrorType.INTERNAL_ERROR, new Refusal("INTERNAL_ERROR", null,
                "Erreur interne du serveur ; elle a été journalisée sous la référence " + reference + "."));
    }

    /** The refusal somewhere in the cause chain, if any. */
    static Refusal refusalIn(Throwable exception) {
        InvalidInputException invalid = causeOf(exception, InvalidInputException.class);
        return invalid != null ? invalid.refusal() : Refusals.in(exception);
    }

    /** The first exception of {@code type} in the cause chain (an access refusal is the gate's, raised at dispatch). */
    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** Which part of the system could not be reached, in words for people, or {@code null}. */
    private static String unavailableService(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return "Le registre des événements";
            }
            if (SearchUnavailable.isCause(cause)) {
                return "La recherche";
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    static GraphQLError error(GraphqlErrorBuilder<?> builder, Typed typed) {
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", typed.refusal().code());
        extensions.put("field", typed.refusal().field());
        extensions.put("classification", typed.type().name());
        return builder.errorType(typed.type()).message(typed.refusal().message()).extensions(extensions).build();
    }
}
