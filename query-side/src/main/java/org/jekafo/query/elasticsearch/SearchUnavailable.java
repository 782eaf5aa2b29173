package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.jekafo.api.common.Refusal;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * A query that fails because Elasticsearch cannot answer (unreachable, paused past the request timeout, an index
 * missing while it is recreated) is refused with the code {@code SERVICE_UNAVAILABLE}, as a refusal: through Axon
 * Server only an error's message and details cross the wire, not its exception's class, so the caller could
 * otherwise not tell "try again in a moment" from a defect. Axon's auto-configuration registers it on the query bus.
 */
@Component
public class SearchUnavailable implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    public static final String CODE = "SERVICE_UNAVAILABLE";
    private static final int NOT_FOUND = 404;

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (Exception failure) {
            if (isCause(failure)) {
                throw new RefusedQueryException(new Refusal(CODE, null,
                        "La recherche est momentanément indisponible ; réessayez dans quelques instants."));
            }
            throw failure;
        }
    }

    /** Whether Elasticsearch's unavailability is somewhere in the cause chain. */
    public static boolean isCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            // timeouts: a paused or overloaded Elasticsearch, within jekafo.elasticsearch.request-timeout
            if (cause instanceof ConnectException || cause instanceof TransportException
                    || cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    || cause instanceof ElasticsearchException missing && missing.status() == NOT_FOUND) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
