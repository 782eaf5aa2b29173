package org.jekafo.app.platform.gate;

import org.jekafo.app.platform.identity.TokenAuthentication;

/**
 * The one place the acting principal of a request comes from: the bearer token the request carries
 * ({@link TokenAuthentication}). Anonymous callers have none and may do nothing.
 */
public interface PrincipalProvider {

    /** The principal of the current request; refused with {@code UNAUTHENTICATED} when there is none. */
    ActingPrincipal current();
}
