/**
 * What {@code local-elasticsearch} and {@code local-keycloak} share to run a server without Docker: its
 * distribution taken from the local Maven repository or Maven Central ({@link org.jekafo.process.local.MavenCentral}),
 * unpacked once per machine ({@link org.jekafo.process.local.ZipInstaller}), run as a child process that a
 * watchdog stops when this JVM dies ({@link org.jekafo.process.local.WatchedProcess}) on a free port of
 * 127.0.0.1 ({@link org.jekafo.process.local.FreePort}).
 */
package org.jekafo.process.local;
