package org.jekafo.command.integrity;

import org.jekafo.integrity.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (it never runs in the build): chaining and verification rates on a store of
 * {@code -Djekafo.integrity.benchmark.events=N} events of about 900 bytes (payload and metadata), on H2 in memory
 * and on the local PostgreSQL. Run:
 * {@code ./mvnw -o -pl command-side -am test -Dtest=IntegrityRateBenchmark -Djekafo.integrity.benchmark.events=200000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "jekafo.integrity.benchmark.events", matches = "\\d+")
class IntegrityRateBenchmark {

    @TempDir
    Path dataDir;

    private final int events = Integer.getInteger("jekafo.integrity.benchmark.events", 0);

    @Test
    void h2() throws Exception {
        try (IntegrityStore store = IntegrityStore.h2()) {
            measure("H2 (in memory)", store);
        }
    }

    @Test
    void postgres() throws Exception {
        try (IntegrityStore store = IntegrityStore.postgres()) {
            measure("PostgreSQL 15", store);
        }
    }

    private void measure(String database, IntegrityStore store) {
        long started = System.nanoTime();
        store.append(1, events);
        double append = (System.nanoTime() - started) / 1e9;
        if (database.startsWith("PostgreSQL")) {
            store.jdbc.execute("analyze"); // what autovacuum does to a table that grew
        }
        Chainer chainer = store.chainer(Duration.ofSeconds(10));

        started = System.nanoTime();
        long chained = chainer.chainNow();
        double chaining = (System.nanoTime() - started) / 1e9;
        IntegrityVerification verification = store.verification(chainer, dataDir);
        verification.verifyStore(null); // warm-up
        started = System.nanoTime();
        VerificationReport report = verification.verifyStore(null);
        double verifying = (System.nanoTime() - started) / 1e9;

        System.out.printf("%s: %,d events written in %.1f s; chained in %.2f s (%,.0f events/s); verified in %.2f s "
                        + "(%,.0f events/s, queries included)%n", database, events, append, chaining, chained / chaining,
                verifying, report.eventsChecked() / verifying);
        assertThat(chained).isEqualTo(events);
        assertThat(report.ok()).isTrue();
    }
}
