/**
 * Test support: runs Keycloak, fetched from Maven Central, as a local child process with a realm imported from a
 * realm file, and obtains real tokens from it. Public types: {@link org.jekafo.keycloak.local.LocalKeycloak},
 * {@link org.jekafo.keycloak.local.KeycloakTokens} and {@link org.jekafo.keycloak.local.KeycloakAdmin}.
 */
package org.jekafo.keycloak.local;
