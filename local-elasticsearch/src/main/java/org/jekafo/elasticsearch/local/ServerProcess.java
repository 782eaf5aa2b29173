package org.jekafo.elasticsearch.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch child process, started through a small bash watchdog.
 *
 * <p>The watchdog runs the server in the background and checks every second that this JVM still
 * exists. When the JVM is gone, even killed with SIGKILL so that no shutdown hook ran, the watchdog
 * stops the server and waits for it. A TERM sent to the watchdog is forwarded the same way.
 *
 * <p>{@code runuser} answers a TERM by killing its child with SIGKILL two seconds later, which
 * would cut Elasticsearch's shutdown short; the watchdog therefore signals the Elasticsearch
 * launcher behind {@code runuser} rather than {@code runuser} itself.
 */
final class ServerProcess {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ServerProcess.class);

    private static final String WATCHDOG = """
            jvm=$1; shift
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
                echo "[watchdog] JVM $jvm is gone, stopping Elasticsearch"
                stop_server
                exit 0
              fi
              sleep 1
            done
            wait "$server"
            """;

    private final Process watchdog;
    private final Path console;

    private ServerProcess(Process watchdog, Path console) {
        this.watchdog = watchdog;
        this.console = console;
    }

    /** Starts {@code command} in {@code workingDirectory}, its output going to {@code console}. */
    static ServerProcess start(List<String> command, Path workingDirectory, Path console) throws IOException {
        List<String> watched = new ArrayList<>(List.of("bash", "-c", WATCHDOG, "jekafo-elasticsearch-watchdog",
                String.valueOf(ProcessHandle.current().pid())));
        watched.addAll(command);
        Process watchdog = new ProcessBuilder(watched)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        return new ServerProcess(watchdog, console);
    }

    ProcessHandle handle() {
        return watchdog.toHandle();
    }

    boolean isAlive() {
        return watchdog.isAlive();
    }

    /** The exit code; only meaningful once the process has ended. */
    int exitCode() {
        return watchdog.exitValue();
    }

    /** The last {@code count} lines the server wrote to its standard output and error. */
    String lastOutputLines(int count) {
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
    void stop() {
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
}
