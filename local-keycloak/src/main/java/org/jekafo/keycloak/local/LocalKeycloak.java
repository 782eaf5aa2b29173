package org.jekafo.keycloak.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.jekafo.process.local.Directories;
import org.jekafo.process.local.FreePort;
import org.jekafo.process.local.WatchedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Keycloak server with one realm imported from a realm file, run as a child process of this JVM from
 * {@code org.keycloak:keycloak-quarkus-dist} (fetched from Maven Central into the local Maven repository), for
 * tests of real token flows. No Docker needed.
 *
 * <p>Keycloak 26 runs on Java 21 or later, found as {@link #java()} says; without one, {@link #java()} tells why
 * and tests should skip. Everything listens on 127.0.0.1 only: the HTTP port (realms, tokens, admin API) and the
 * management port (health). The database lives in memory: each server starts empty, imports the realm, and
 * forgets everything when it stops. It is stopped by {@link #close()}, by a JVM shutdown hook, and, should the JVM be
 * killed outright, by a watchdog process that notices the JVM is gone.
 *
 * <pre>{@code
 * LocalKeycloak keycloak = LocalKeycloak.shared(Path.of("keycloak/jekafo-realm.json"));
 * String issuer = keycloak.issuerUri();                       // http://127.0.0.1:<port>/realms/jekafo
 * String token = keycloak.tokens("jekafo-portal").password("bureau", "change-moi");
 * }</pre>
 */
public final class LocalKeycloak implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LocalKeycloak.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path realmFile;
    private final boolean keptUntilJvmExit;
    private final String realm;

    private volatile String url;
    private volatile Duration startupTime;
    private Credentials admin;
    private WatchedProcess server;
    private InstanceHome instance;
    private Thread shutdownHook;

    private LocalKeycloak(Builder builder) {
        this.realmFile = builder.realmFile.toAbsolutePath().normalize();
        this.keptUntilJvmExit = builder.keptUntilJvmExit;
        this.realm = realmName(realmFile);
    }

    /** Starts configuring a server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The server of this JVM with the realm of {@code realmFile}, started on first call (about a minute, once per
     * machine another to unpack and build Keycloak); later calls, from any thread, return the same server. It runs
     * until the JVM exits; {@link #close()} on it does nothing.
     *
     * @throws IllegalStateException when asked for another realm file than the first call, or when no JDK for
     *                               Keycloak is found (see {@link #java()})
     */
    public static LocalKeycloak shared(Path realmFile) {
        return SharedKeycloak.get(realmFile);
    }

    /** The JDK Keycloak would run on, or why none fits: tests that need Keycloak are skipped without one. */
    public static Optional<Path> java() {
        return KeycloakJava.find().home();
    }

    /** Why no JDK fits Keycloak (see {@link #java()}); empty when one does. */
    public static Optional<String> javaMissing() {
        return Optional.ofNullable(KeycloakJava.find().reason());
    }

    /** The Keycloak version this module runs, e.g. {@code 26.7.3}. */
    public static String version() {
        return KeycloakDistribution.version();
    }

    /**
     * Installs Keycloak if needed, starts it, waits until {@code /health/ready} answers UP (the realm then imported).
     *
     * @return this instance, running
     * @throws IllegalStateException if already started, if no JDK fits, or if the server exits or is not ready within
     *                               5 minutes (the message then holds the server's last output lines)
     * @throws UncheckedIOException  if installing or preparing the folders fails
     */
    public synchronized LocalKeycloak start() {
        if (url != null) {
            throw new IllegalStateException("Already started: " + url);
        }
        KeycloakJava java = KeycloakJava.find();
        Path javaHome = java.home().orElseThrow(() -> new IllegalStateException(java.reason()));
        long started = System.nanoTime();
        try {
            int managementPort = launch(javaHome);
            server.awaitReady("/health/ready UP", READY_TIMEOUT, () -> ready(managementPort));
        } catch (IOException e) {
            throw abortStart(new UncheckedIOException("Could not start Keycloak", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abortStart(new IllegalStateException("Interrupted while starting Keycloak", e));
        } catch (RuntimeException e) {
            throw abortStart(e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Keycloak {} is ready at {} (realm {}) after {} s", version(), url, realm,
                String.format("%.1f", startupTime.toMillis() / 1000.0));
        return this;
    }

    private int launch(Path javaHome) throws IOException {
        String version = version();
        Path installation = KeycloakDistribution.install(version, javaHome);
        instance = InstanceHome.create(installation, realmFile);
        admin = new Credentials("admin", randomPassword());
        int httpPort = FreePort.pick();
        int managementPort = FreePort.pick();
        KeycloakCommand command = new KeycloakCommand(instance.home(), javaHome, httpPort, managementPort, admin);
        url = "http://" + FreePort.LOOPBACK + ":" + httpPort;
        log.info("Starting Keycloak {} on {} with Java {} and realm {}: home {}", version, url, javaHome, realmFile,
                instance.home());
        shutdownHook = new Thread(this::stop, "local-keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        server = WatchedProcess.start("Keycloak", command.arguments(), command.environment(), instance.home(),
                instance.console());
        return managementPort;
    }

    private static boolean ready(int managementPort) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://" + FreePort.LOOPBACK + ":" + managementPort
                + "/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = Http.CLIENT.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private RuntimeException abortStart(RuntimeException cause) {
        stop();
        url = null;
        return cause;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:34567}, without trailing slash. */
    public String url() {
        String current = url;
        if (current == null) {
            throw new IllegalStateException("Not started");
        }
        return current;
    }

    /** The name of the realm imported from the realm file (its {@code realm} field). */
    public String realm() {
        return realm;
    }

    /** The issuer of the realm's tokens ({@code iss}), e.g. {@code http://127.0.0.1:34567/realms/jekafo}. */
    public String issuerUri() {
        return issuerUri(realm);
    }

    /** The issuer of another realm of this server. */
    public String issuerUri(String realmName) {
        return url() + "/realms/" + realmName;
    }

    /** How long {@link #start()} took, from the installation check to a ready realm. */
    public Duration startupTime() {
        Duration current = startupTime;
        if (current == null) {
            throw new IllegalStateException("Not started");
        }
        return current;
    }

    /** Tokens of the realm's client {@code clientId} (it must allow the password grant). */
    public KeycloakTokens tokens(String clientId) {
        return tokens(realm, clientId);
    }

    /** Tokens of client {@code clientId} of another realm of this server. */
    public KeycloakTokens tokens(String realmName, String clientId) {
        return new KeycloakTokens(admin(), issuerUri(realmName), realmName, clientId);
    }

    /** The administration API of this server, as its bootstrap administrator. */
    public KeycloakAdmin admin() {
        url();
        return new KeycloakAdmin(url, admin);
    }

    /** The realm file's content as JSON, e.g. to import a copy under another name. */
    public String realmRepresentation() {
        try {
            return JSON.writeValueAsString(JSON.readTree(realmFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Keycloak server's own JVM while it runs (behind the watchdog and {@code kc.sh}), for tests. */
    synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(server).map(WatchedProcess::handle);
    }

    /** Stops the server and deletes its folder. Does nothing on the {@link #shared(Path)} instance. */
    @Override
    public void close() {
        if (!keptUntilJvmExit) {
            stop();
        }
    }

    private synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            log.info("Stopped Keycloak at {}", url);
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or about to: nothing to remove
            }
        }
        shutdownHook = null;
        if (instance != null) {
            try {
                Directories.deleteRecursively(instance.root());
            } catch (IOException e) {
                log.warn("Could not delete the Keycloak folder {}", instance.root(), e);
            }
            instance = null;
        }
    }

    private static String realmName(Path realmFile) {
        try {
            String name = JSON.readTree(realmFile.toFile()).path("realm").asText("");
            if (name.isBlank()) {
                throw new IllegalArgumentException(realmFile + " names no realm (field \"realm\")");
            }
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The realm file this server imports. */
    Path realmFile() {
        return realmFile;
    }

    /**
     * A user name and password; {@link #toString()} hides the password.
     *
     * @param username the user name, not blank
     * @param password the password, not blank
     */
    public record Credentials(String username, String password) {

        public Credentials {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("A user name and a password are required");
            }
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=****]";
        }
    }

    /** Configures a {@link LocalKeycloak}. */
    public static final class Builder {

        private Path realmFile;
        private boolean keptUntilJvmExit;

        private Builder() {
        }

        /** The realm to import (a realm export, as {@code keycloak/jekafo-realm.json}). Required. */
        public Builder realmFile(Path realmFile) {
            this.realmFile = Objects.requireNonNull(realmFile, "realmFile");
            return this;
        }

        /** {@link #close()} does nothing; only the shutdown hook stops the server. */
        Builder keptUntilJvmExit() {
            this.keptUntilJvmExit = true;
            return this;
        }

        /** A server with these settings, not yet started: call {@link LocalKeycloak#start()}. */
        public LocalKeycloak build() {
            if (realmFile == null) {
                throw new IllegalStateException("A realm file is required");
            }
            return new LocalKeycloak(this);
        }
    }
}
