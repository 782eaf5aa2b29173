package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A local Elasticsearch server, run as a child process of this JVM from the "integ-test"
 * distribution (fetched from Maven Central into the local Maven repository). No Docker needed.
 *
 * <p>The server is a single node bound to 127.0.0.1 with security enabled: every request must carry
 * {@link #credentials()}, a user generated once per data folder (its password kept in the file
 * {@code credentials}, readable by its owner only, in the data folder, itself closed to other users) whose
 * role may monitor the cluster and use the indices {@code jekafo-*}, nothing else. It is stopped by
 * {@link #close()}, by a JVM shutdown hook, and, should the JVM be killed outright, by a watchdog
 * process that notices the JVM is gone. Should the server die on its own (killed, crashed), it is
 * started again on the same port and data folder, after a pause that doubles with each failed
 * attempt (1 s, 2 s, … up to 30 s) and starts over once a server has become ready.
 *
 * <p>Development run:
 * <pre>{@code
 * try (LocalElasticsearch elasticsearch = LocalElasticsearch.builder()
 *         .dataDirectory(Path.of(".jekafo/elasticsearch"))
 *         .port(9200)
 *         .build()
 *         .start()) {
 *     System.out.println(elasticsearch.url()); // http://127.0.0.1:9200
 *     String authorization = elasticsearch.credentials().orElseThrow().authorization(); // Basic …
 * }
 * }</pre>
 *
 * <p>Test suites: {@link #shared()}.
 *
 * <p>When the JVM runs as root, the server runs as the system user {@code jekafo-es} (created if
 * missing), because Elasticsearch refuses to run as root; folders that user cannot reach are then
 * replaced by folders under {@code /var/lib/jekafo-elasticsearch}.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);
    /** The main class of the server JVM (the launcher's is {@code org.elasticsearch.server.cli.ServerCli}). */
    private static final Duration RESTART_READY_TIMEOUT = Duration.ofMinutes(10);
    private static final String SERVER_MAIN_CLASS = "org.elasticsearch.bootstrap.Elasticsearch";

    private final Path dataDirectory;
    private final int requestedPort;
    private final String heap;
    private final boolean keptUntilJvmExit;

    private volatile String url;
    private volatile Credentials credentials;
    private WatchedProcess server;
    private NodeDirectories directories;
    private Path temporaryDirectory;
    private Thread shutdownHook;
    private ServerCommand command;
    private Path home;
    private boolean stopping;
    private int restarts;
    private final Restarts restartPolicy = new Restarts();

    private LocalElasticsearch(Builder builder) {
        this.dataDirectory = builder.dataDirectory;
        this.requestedPort = builder.port;
        this.heap = builder.heap;
        this.keptUntilJvmExit = builder.keptUntilJvmExit;
    }

    private LocalElasticsearch(String externalUrl, Credentials externalCredentials) {
        this(new Builder().keptUntilJvmExit());
        this.url = externalUrl;
        this.credentials = externalCredentials;
    }

    /** Starts configuring a server. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The server shared by everything in this JVM, meant for test suites.
     *
     * <p>If the system property {@code jekafo.elasticsearch.url} or the environment variable
     * {@code JEKAFO_ELASTICSEARCH_URL} is set, nothing is started and the returned handle's
     * {@link #url()} is that URL, its {@link #credentials()} those of {@code jekafo.elasticsearch.username}
     * and {@code jekafo.elasticsearch.password} (or {@code JEKAFO_ELASTICSEARCH_USERNAME} and
     * {@code JEKAFO_ELASTICSEARCH_PASSWORD}), if set. Otherwise the first call starts a server on a free port with a
     * temporary data folder (this may take half a minute); later calls, from any thread, return
     * the same server. It runs until the JVM exits, when its data folder is deleted;
     * {@link #close()} on it does nothing.
     */
    public static LocalElasticsearch shared() {
        return SharedInstance.get();
    }

    /** A handle on a server started by someone else; nothing to start or stop. */
    static LocalElasticsearch external(String url, Credentials credentials) {
        return new LocalElasticsearch(url, credentials);
    }

    /**
     * Installs Elasticsearch if needed, starts it and waits until its cluster is yellow or green.
     *
     * @return this instance, running
     * @throws IllegalStateException if already started, or if the server exits or is not ready
     *                               within 300 s (the message then holds the server's last output lines)
     * @throws UncheckedIOException  if installing or preparing the folders fails
     */
    public synchronized LocalElasticsearch start() {
        if (url != null) {
            throw new IllegalStateException("Already started: " + url);
        }
        long started = System.nanoTime();
        try {
            launch();
            Readiness.await(server, url, credentials);
        } catch (IOException e) {
            throw abortStart(new UncheckedIOException("Could not start Elasticsearch", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abortStart(new IllegalStateException("Interrupted while starting Elasticsearch", e));
        } catch (RuntimeException e) {
            throw abortStart(e);
        }
        log.info("Elasticsearch is ready at {} after {} s", url,
                String.format("%.1f", (System.nanoTime() - started) / 1e9));
        return this;
    }

    private RuntimeException abortStart(RuntimeException cause) {
        stop();
        url = null;
        credentials = null;
        return cause;
    }

    private void launch() throws IOException {
        stopping = false;
        ProcessOwner owner = ProcessOwner.forThisJvm();
        String version = Distribution.version();
        Path home = Distribution.install(version, owner);
        if (dataDirectory == null) {
            temporaryDirectory = Files.createTempDirectory("jekafo-elasticsearch-");
        }
        directories = NodeDirectories.create(Objects.requireNonNullElse(dataDirectory, temporaryDirectory), owner);
        credentials = CredentialsFile.loadOrCreate(directories.credentials());
        NodeConfiguration.write(home, directories, credentials);
        owner.takeOwnership(home, directories.root());
        int port = requestedPort == 0 ? FreePort.pick() : requestedPort;
        FreePort.requireFree(port);
        command = new ServerCommand(owner.commandPrefix(), home, directories, port, FreePort.pick(), heap);
        this.home = home;
        url = "http://" + FreePort.LOOPBACK + ":" + port;
        log.info("Starting Elasticsearch {} on {} as user {}: installation {}, data {}, logs {}",
                version, url, owner.name(), home, directories.data(), directories.logs());
        shutdownHook = new Thread(this::stop, "local-elasticsearch-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        server = watched(WatchedProcess.start("Elasticsearch", command.arguments(), home, directories.console()));
    }

    /** Has {@code started} started again should it end while this instance is not stopping. */
    private WatchedProcess watched(WatchedProcess started) {
        started.handle().onExit().thenRun(() -> exited(started));
        return started;
    }

    private synchronized void exited(WatchedProcess ended) {
        if (stopping || server != ended) {
            return;
        }
        Duration pause = restartPolicy.nextPause();
        log.warn("Elasticsearch at {} exited with code {}; starting it again in {} s", url, ended.exitCode(),
                pause.toSeconds());
        Thread restart = new Thread(() -> restartAfter(pause), "local-elasticsearch-restart");
        restart.setDaemon(true);
        restart.start();
    }

    private void restartAfter(Duration pause) {
        WatchedProcess restarted;
        try {
            Thread.sleep(pause.toMillis());
            synchronized (this) {
                if (stopping) {
                    return;
                }
                server = watched(WatchedProcess.start("Elasticsearch", command.arguments(), home, directories.console()));
                restarted = server;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException e) {
            log.error("Could not start Elasticsearch again at {}", url, e);
            return;
        }
        try {
            // a server that keeps running is given time: on a busy machine a start took over two minutes
            Readiness.await(restarted, url, credentials, RESTART_READY_TIMEOUT);
            synchronized (this) {
                restarts++;
            }
            restartPolicy.ready();
            log.info("Elasticsearch is ready again at {}", url);
        } catch (IllegalStateException notReady) {
            log.warn("Elasticsearch did not become ready again at {}: {}", url, notReady.getMessage());
            restarted.stop(); // its exit starts the next attempt
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The base URL of the REST API, e.g. {@code http://127.0.0.1:9200}, without trailing slash.
     *
     * @throws IllegalStateException if not started
     */
    public String url() {
        String current = url;
        if (current == null) {
            throw new IllegalStateException("Not started");
        }
        return current;
    }

    /**
     * The user every request must authenticate as (HTTP basic authentication): on a started server, the
     * user generated for its data folder; on the handle of an external server, those configured, if any.
     *
     * @throws IllegalStateException if not started
     */
    public Optional<Credentials> credentials() {
        url();
        return Optional.ofNullable(credentials);
    }

    /** The folders of a started server, for tests. */
    synchronized NodeDirectories nodeDirectories() {
        return directories;
    }

    /**
     * Stops the server and waits for it and all its child processes to end (forcibly after 30 s);
     * deletes the data folder if it was temporary. Does nothing on the {@link #shared()} instance
     * and on one already stopped.
     */
    @Override
    public void close() {
        if (!keptUntilJvmExit) {
            stop();
        }
    }

    private synchronized void stop() {
        stopping = true;
        if (server != null) {
            server.stop();
            server = null;
            log.info("Stopped Elasticsearch at {}", url);
        }
        removeShutdownHook();
        deleteTemporaryFolders();
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                // the hook is running or about to: nothing to remove
            }
        }
        shutdownHook = null;
    }

    private void deleteTemporaryFolders() {
        if (temporaryDirectory == null) {
            return;
        }
        try {
            if (directories != null) {
                Directories.deleteRecursively(directories.root());
            }
            Directories.deleteRecursively(temporaryDirectory);
            temporaryDirectory = null;
        } catch (IOException e) {
            log.warn("Could not delete the temporary folder {}", temporaryDirectory, e);
        }
    }

    /** The watchdog process that runs the server, while running; for tests. */
    synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(server).map(WatchedProcess::handle);
    }

    /**
     * The Elasticsearch server's own JVM while it runs (behind the watchdog, {@code runuser} and the launcher),
     * for fault-injection tests that pause or kill it; empty for a server started by someone else.
     */
    public Optional<ProcessHandle> serverProcess() {
        return process().flatMap(watchdog -> watchdog.descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(SERVER_MAIN_CLASS))
                .findFirst());
    }

    /** How many times the server was started again after it died and became ready again. */
    public synchronized int restarts() {
        return restarts;
    }

    /**
     * A user name and password for HTTP basic authentication; {@link #toString()} hides the password.
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

        /** The value of an {@code Authorization} header that authenticates as this user: {@code Basic …}. */
        public String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=****]";
        }
    }

    /** Configures a {@link LocalElasticsearch}. */
    public static final class Builder {

        private Path dataDirectory;
        private int port;
        private String heap = "512m";
        private boolean keptUntilJvmExit;

        private Builder() {
        }

        /**
         * The folder that keeps the node's state across runs: the server uses its sub-folders
         * {@code data} and {@code logs} (the latter also receives the console output,
         * {@code console.log}). Default: a temporary folder, deleted when the server stops.
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /** The HTTP port on 127.0.0.1. Default, or 0: a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a TCP port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The JVM heap of the server ({@code -Xms} and {@code -Xmx}), e.g. {@code 1g}. Default: {@code 512m}. */
        public Builder heap(String heap) {
            if (heap == null || !heap.matches("\\d+[kKmMgG]")) {
                throw new IllegalArgumentException("Not a heap size like 512m or 1g: " + heap);
            }
            this.heap = heap;
            return this;
        }

        /** {@link #close()} does nothing; only the shutdown hook stops the server. */
        Builder keptUntilJvmExit() {
            this.keptUntilJvmExit = true;
            return this;
        }

        /** A server with these settings, not yet started: call {@link LocalElasticsearch#start()}. */
        public LocalElasticsearch build() {
            return new LocalElasticsearch(this);
        }
    }
}
