package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL runs no shutdown hook: the watchdog must stop the server on its own. */
class KilledJvmTest {

    @TempDir
    Path dataDirectory;

    private final List<ProcessHandle> processTree = new ArrayList<>();

    @AfterEach
    void killWhateverSurvived() {
        processTree.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void serverStopsWhenItsJvmIsKilled() throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ServerOwningJvm.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        processTree.add(jvm.toHandle());
        ProcessHandle watchdog = ProcessHandle.of(awaitWatchdogPid(jvm)).orElseThrow();
        processTree.addAll(Stream.concat(Stream.of(watchdog), watchdog.descendants()).collect(Collectors.toList()));
        assertThat(processTree).hasSizeGreaterThanOrEqualTo(4);

        jvm.destroyForcibly();

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(processTree).noneMatch(ProcessHandle::isAlive));
    }

    /** Reads the JVM's output (its log, then the report) until the watchdog pid is reported. */
    private static long awaitWatchdogPid(Process jvm) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(ServerOwningJvm.REPORT_PREFIX)) {
                return Long.parseLong(line.substring(ServerOwningJvm.REPORT_PREFIX.length()));
            }
            seen.append(line).append(System.lineSeparator());
        }
        throw new AssertionError("The JVM ended without starting a server:" + System.lineSeparator() + seen);
    }
}
