package org.jekafo.process.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server run as a child process of this JVM, started through a small bash watchdog.
 *
 * <p>The watchdog runs the server in the background and checks every second that this JVM still
 * exists. When the JVM is gone, even killed with SIGKILL so that no shutdown hook ran, the watchdog
 * stops the server and waits for it. A TERM sent to the watchdog is forwarded the same way.
 *
 * <p>{@code runuser} answers a TERM by killing its child with SIGKILL two seconds later, which
 * would cut the server's shutdown short; the watchdog therefore signals the server's launcher behind
 * {@code runuser} rather than {@code runuser} itself.
 */
public final class WatchedProcess {

    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How many of the server's last output lines a failed start quotes. */
    public static final int LOG_LINES_ON_FAILURE = 40;

    private static final Logger log = LoggerFactory.getLogger(WatchedProcess.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static final String WATCHDOG = """
            jvm=$1; name=$2; shift 2
            "$@" &
            server=$!
            stop_server() {
              trap '' TERM INT HUP
              if [ "$(ps -o comm= -p "$server")" = runuser ]; then
                pkill -TERM -P "$server"
              else
                kill -TERM "$server"
              fi 2>/dev/null
              wait "$server"
            }
            trap 'stop_server; exit 143' TERM INT HUP
            while kill -0 "$server" 2>/dev/null; do
              if ! kill -0 "$jvm" 2>/dev/null; then
                echo "[watchdog] JVM $jvm is gone, stopping $name"
                stop_server
                exit 0
              fi
              sleep 1
            done
            wait "$server"
            """;

    private final Process watchdog;
    private final Path console;
    private final String name;

    private WatchedProcess(Process watchdog, Path console, String name) {
        this.watchdog = watchdog;
        this.console = console;
        this.name = name;
    }

    /**
     * Starts {@code command} in {@code workingDirectory}, its output going to {@code console}.
     *
     * @param name        what the server is, for messages (e.g. {@code Elasticsearch})
     * @param environment variables added to this JVM's environment for the server
     */
    public static WatchedProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path console) throws IOException {
        List<String> watched = new ArrayList<>(List.of("bash", "-c", WATCHDOG,
                "jekafo-" + name.toLowerCase(Locale.ROOT) + "-watchdog", String.valueOf(ProcessHandle.current().pid()),
                name));
        watched.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(watched)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().putAll(environment);
        return new WatchedProcess(builder.start(), console, name);
    }

    /** As {@link #start(String, List, Map, Path, Path)} without added variables. */
    public static WatchedProcess start(String name, List<String> command, Path workingDirectory, Path console)
            throws IOException {
        return start(name, command, Map.of(), workingDirectory, console);
    }

    /** The watchdog process. */
    public ProcessHandle handle() {
        return watchdog.toHandle();
    }

    public boolean isAlive() {
        return watchdog.isAlive();
    }

    /** The exit code; only meaningful once the process has ended. */
    public int exitCode() {
        return watchdog.exitValue();
    }

    /**
     * Returns once {@code probe} answers true, asking it every half second.
     *
     * @param state what the probe waits for, for the message of a failure (e.g. {@code a yellow cluster})
     * @throws IllegalStateException when the process ends first or {@code timeout} passes; the message ends with
     *                               the server's last {@value #LOG_LINES_ON_FAILURE} output lines
     */
    public void awaitReady(String state, Duration timeout, Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!isAlive()) {
                throw startFailure(name + " exited with code " + exitCode() + " during start-up");
            }
            if (probe.ready()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw startFailure(name + " did not report " + state + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private IllegalStateException startFailure(String reason) {
        return new IllegalStateException(reason + "; last " + LOG_LINES_ON_FAILURE + " lines of its output:"
                + System.lineSeparator() + lastOutputLines(LOG_LINES_ON_FAILURE));
    }

    /** The last {@code count} lines the server wrote to its standard output and error. */
    public String lastOutputLines(int count) {
        try {
            List<String> lines = new String(Files.readAllBytes(console), StandardCharsets.UTF_8).lines()
                    .collect(Collectors.toList());
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(could not read " + console + ": " + e + ")";
        }
    }

    /**
     * Stops the server and waits for the watchdog and all its descendants to end, forcibly after
     * {@link #STOP_TIMEOUT}. The TERM goes to the watchdog, which passes it on (see the class
     * comment); its descendants are signalled directly only if the watchdog is already gone.
     */
    public void stop() {
        List<ProcessHandle> tree = Stream.concat(Stream.of(watchdog.toHandle()), watchdog.descendants())
                .collect(Collectors.toList());
        if (watchdog.isAlive()) {
            watchdog.destroy();
        } else {
            tree.forEach(ProcessHandle::destroy);
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (ProcessHandle process : tree) {
            if (!awaitExit(process, deadline - System.nanoTime())) {
                log.warn("Process {} did not stop within {} s, killing it", process.pid(), STOP_TIMEOUT.toSeconds());
                process.destroyForcibly();
                awaitExit(process, TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, long timeoutNanos) {
        try {
            process.onExit().get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Asks a starting server whether it is ready; an I/O failure (not listening yet) should answer false. */
    @FunctionalInterface
    public interface Probe {

        boolean ready() throws InterruptedException;
    }
}
