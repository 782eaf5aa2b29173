package org.jekafo.app.security;

/**
 * The one place the acting principal comes from. Until real authentication arrives, the
 * {@link DevelopmentPrincipalProvider} answers; an authenticated implementation replaces that bean.
 */
public interface PrincipalProvider {

    ActingPrincipal current();
}
