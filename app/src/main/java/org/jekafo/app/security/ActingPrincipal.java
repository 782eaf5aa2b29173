package org.jekafo.app.security;

/** Who is acting, and in which role. */
public record ActingPrincipal(String name, String role) {
}
