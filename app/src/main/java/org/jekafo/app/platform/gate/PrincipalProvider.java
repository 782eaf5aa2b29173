package org.jekafo.app.platform.gate;

import graphql.GraphQLContext;
import org.jekafo.app.platform.identity.TokenAuthentication;

import java.util.Map;

/**
 * The one place the acting principal of a request comes from: the bearer token the request carries
 * ({@link TokenAuthentication}). Anonymous callers have none and may do nothing.
 */
public interface PrincipalProvider {

    /** The principal of the current request; refused with {@code UNAUTHENTICATED} when there is none. */
    ActingPrincipal current();

    /**
     * The caller of a GraphQL request: what its transport bound to it ({@link #bound}), else {@link #current()}.
     * A subscription's later results are rendered on whichever thread produced them, where no request's security
     * context is set, and a WebSocket connection authenticates once for all its requests.
     */
    default ActingPrincipal of(GraphQLContext request) {
        Object bound = request.get(ActingPrincipal.class);
        if (bound instanceof ActingPrincipal caller) {
            return caller;
        }
        if (bound instanceof AccessRefusedException refused) {
            throw refused;
        }
        return current();
    }

    /** The entry of a GraphQL request's context that names its caller, read by {@link #of(GraphQLContext)}. */
    static Map<Object, Object> bound(ActingPrincipal caller) {
        return Map.of(ActingPrincipal.class, caller);
    }

    /** The entry of a GraphQL request's context that refuses its caller (a connection whose token has expired). */
    static Map<Object, Object> refused(AccessRefusedException refusal) {
        return Map.of(ActingPrincipal.class, refusal);
    }
}
