package org.jekafo.command.eventstore;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed (SIGKILL) while it stores tokens and its housekeeping rewrites chunks, after registering members,
 * loses no commit it had seen return and leaves a store that opens: three times on the same store.
 */
class H2StoreCrashTest {

    /** Token commits seen after the registrations are done, before the kill. */
    private static final int TOKENS_BEFORE_KILL = 300;

    @TempDir
    Path folder;

    private Process jvm;

    @AfterEach
    void killIfAlive() {
        if (jvm != null) {
            jvm.destroyForcibly();
        }
    }

    @Test
    void acknowledgedCommitsSurviveAKillDuringHousekeeping() throws Exception {
        JdbcDataSource dataSource = StoreWorkload.fileStore(folder);
        try (Connection connection = dataSource.getConnection()) {
            StoreWorkload.migrate(dataSource);
        }
        Set<String> acknowledged = new HashSet<>();
        for (int kill = 1; kill <= 3; kill++) {
            Map<String, Integer> lastTokens = new HashMap<>();
            int members = 0;
            int rewrites = 0;
            int registered = 0;
            int tokensSinceRegistered = 0;
            jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CommittingJvm.class.getName(), folder.toString())
                    .redirectErrorStream(true).start();
            CompletableFuture.runAsync(jvm::destroyForcibly, CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
            BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder other = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                String[] words = line.split(" ");
                switch (words[0]) {
                    case "member" -> {
                        acknowledged.add(words[1]);
                        members++;
                    }
                    case "token" -> {
                        lastTokens.put(words[1], Integer.parseInt(words[2]));
                        tokensSinceRegistered += registered == 2 ? 1 : 0;
                    }
                    case "rewrote" -> rewrites++;
                    case "registered" -> registered++;
                    default -> other.append(line).append(System.lineSeparator());
                }
                if (tokensSinceRegistered >= TOKENS_BEFORE_KILL && rewrites > 0 && jvm.isAlive()) {
                    jvm.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook, H2 closes nothing
                } // and read on (Process.destroyForcibly would close the pipe): all it printed was acknowledged
            }
            assertThat(jvm.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(jvm.exitValue()).as("exit (137: killed) after: %s", other).isEqualTo(137);
            assertThat(members).as("members registered before kill %d; other output: %s", kill, other)
                    .isEqualTo(2 * CommittingJvm.BLOCKS * 10);
            assertThat(rewrites).as("passes that rewrote before kill %d", kill).isPositive();

            try (Connection reopened = dataSource.getConnection()) {
                assertThat(StoreWorkload.memberIds(reopened)).isEqualTo(acknowledged);
                Map<String, byte[]> tokens = StoreWorkload.tokens(reopened);
                for (Map.Entry<String, Integer> last : lastTokens.entrySet()) {
                    assertThat(StoreWorkload.tokenNumber(tokens.get(last.getKey())))
                            .as("token of %s after kill %d", last.getKey(), kill)
                            .isBetween(last.getValue(), last.getValue() + 1); // the next may have committed unprinted
                }
            }
        }
    }
}
