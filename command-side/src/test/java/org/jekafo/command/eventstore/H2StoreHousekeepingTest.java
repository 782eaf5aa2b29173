package org.jekafo.command.eventstore;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's housekeeping while the application's kinds of writes go on: nothing committed is lost, the
 * database stays open, and the file stays a fraction of what it grows to without it.
 */
class H2StoreHousekeepingTest {

    /** The application's, but a pass 20 times as often, so that more of them meet writes. */
    static final H2StoreHousekeeping.Settings BUSY = H2StoreHousekeeping.Settings.DEFAULTS.withInterval(Duration.ofMillis(10));

    @TempDir
    Path folder;

    @Test
    void passesWhileOthersWriteLoseNoCommitAndLeaveTheDatabaseOpen() throws Exception {
        JdbcDataSource dataSource = StoreWorkload.fileStore(folder);
        H2StoreHousekeeping housekeeping = new H2StoreHousekeeping(dataSource, true, BUSY);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Set<String> registered = ConcurrentHashMap.newKeySet();
        Map<String, byte[]> lastTokens = new ConcurrentHashMap<>();
        Set<String> parked = ConcurrentHashMap.newKeySet();
        AtomicInteger rewrites = new AtomicInteger();
        AtomicInteger blocks = new AtomicInteger();
        AtomicBoolean registering = new AtomicBoolean(true);
        try (Connection kept = dataSource.getConnection()) { // the database stays open between the writers' sessions
            StoreWorkload.migrate(dataSource);
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<?>> registrations = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                registrations.add(threads.submit(failuresTo(errors, () -> {
                    Random random = new Random();
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                    try (Connection connection = dataSource.getConnection()) {
                        // 60 blocks, and on until passes have rewritten while they wrote: how soon chunks are old
                        // enough to be rewritten (the retention time) depends on how fast the machine writes
                        for (int block = 0; block < 60 || rewrites.get() < 3 && System.nanoTime() < deadline; block++) {
                            registered.addAll(StoreWorkload.registerMembers(connection, 25, random));
                            blocks.incrementAndGet();
                        }
                    }
                })));
            }
            for (String processor : StoreWorkload.PROCESSORS) {
                threads.submit(failuresTo(errors, () -> {
                    Random random = new Random();
                    try (Connection connection = dataSource.getConnection()) {
                        while (registering.get()) {
                            byte[] token = StoreWorkload.bytes(random, 300 + random.nextInt(3000));
                            StoreWorkload.storeToken(connection, processor, token);
                            lastTokens.put(processor, token);
                        }
                    }
                }));
            }
            threads.submit(failuresTo(errors, () -> {
                Random random = new Random();
                try (Connection connection = dataSource.getConnection()) {
                    List<String> queue = new ArrayList<>();
                    for (long index = 0; registering.get(); index++) {
                        String id = StoreWorkload.enqueueDeadLetter(connection, index, random);
                        queue.add(id);
                        parked.add(id);
                        if (queue.size() > 20) {
                            String evicted = queue.remove(0);
                            StoreWorkload.evictDeadLetter(connection, evicted);
                            parked.remove(evicted);
                        }
                    }
                }
            }));
            threads.submit(failuresTo(errors, () -> {
                while (registering.get()) {
                    if (housekeeping.pass().orElseThrow().rewrote()) {
                        rewrites.incrementAndGet();
                    }
                    Thread.sleep(BUSY.interval().toMillis());
                }
            }));
            for (Future<?> registration : registrations) {
                registration.get(6, TimeUnit.MINUTES);
            }
            registering.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            assertThat(errors).isEmpty();
            assertThat(rewrites.get()).as("passes that rewrote chunks while others wrote").isGreaterThanOrEqualTo(3);
            assertThat(registered).hasSize(blocks.get() * 25);
            assertThat(StoreWorkload.memberIds(kept)).isEqualTo(registered);
            assertThat(StoreWorkload.tokens(kept)).containsExactlyInAnyOrderEntriesOf(lastTokens);
            assertThat(StoreWorkload.deadLetterIds(kept)).isEqualTo(parked);
        }
        try (Connection reopened = dataSource.getConnection()) { // the file, closed and opened again
            assertThat(StoreWorkload.memberIds(reopened)).isEqualTo(registered);
            assertThat(StoreWorkload.tokens(reopened)).containsExactlyInAnyOrderEntriesOf(lastTokens);
            assertThat(StoreWorkload.deadLetterIds(reopened)).isEqualTo(parked);
        }
    }

    @Test
    void stoppingLetsARunningPassFinishAndLeavesTheDatabaseOpen() throws Exception {
        JdbcDataSource dataSource = StoreWorkload.fileStore(folder);
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Connection kept = dataSource.getConnection()) {
            StoreWorkload.migrate(dataSource);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            writers.submit(failuresTo(errors, () -> {
                Random random = new Random();
                try (Connection connection = dataSource.getConnection()) {
                    while (writing.get()) {
                        StoreWorkload.registerMembers(connection, 25, random);
                    }
                }
            }));
            writers.submit(failuresTo(errors, () -> {
                Random random = new Random();
                try (Connection connection = dataSource.getConnection()) {
                    while (writing.get()) {
                        StoreWorkload.storeToken(connection, StoreWorkload.PROCESSORS[0], StoreWorkload.bytes(random, 2000));
                    }
                }
            }));
            H2StoreHousekeeping housekeeping = new H2StoreHousekeeping(dataSource, true, H2StoreHousekeeping.Settings
                    .DEFAULTS.withInterval(Duration.ofMillis(1)).withTargetFillRate(100)); // rewrites all it may, always
            for (int round = 0; round < 30; round++) { // stopped at random points of its passes
                housekeeping.start();
                assertThat(housekeeping.isRunning()).isTrue();
                Thread.sleep(20 + round % 7 * 10);
                housekeeping.stop();
                assertThat(housekeeping.isRunning()).isFalse();
            }
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            assertThat(errors).isEmpty();
            assertThat(StoreWorkload.memberIds(kept)).isNotEmpty();
            StoreWorkload.registerMembers(kept, 1, new Random());
        }
    }

    @Test
    void aStoreWhoseTokensAreStoredAgainAndAgainStopsGrowing() throws Exception {
        Sizes without = sizesAfterTokenUpdates(folder.resolve("without"), false);
        Sizes with = sizesAfterTokenUpdates(folder.resolve("with"), true);

        assertThat(without.secondHalfGrowth()).as("without housekeeping, what the second half added")
                .isGreaterThan(4 * without.half() / 5);
        assertThat(with.secondHalfGrowth()).as("with housekeeping, what the second half added")
                .isLessThan(without.secondHalfGrowth() / 5);
        assertThat(with.end()).as("with housekeeping, the file after all updates").isLessThan(without.end() / 4);
    }

    @Test
    void theApplicationRunsTheDefaultsAndNothingOnAnInMemoryDatabase() {
        new ApplicationContextRunner() // Boot's conversions, as the application has them ("200ms", "4MB")
                .withInitializer(context -> context.getBeanFactory().setConversionService(
                        ApplicationConversionService.getSharedInstance()))
                .withBean(DataSource.class, () -> new EmbeddedDatabaseBuilder()
                        .setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build())
                .withUserConfiguration(H2StoreHousekeeping.class)
                .run(context -> {
                    H2StoreHousekeeping housekeeping = context.getBean(H2StoreHousekeeping.class);
                    assertThat(housekeeping.settings()).isEqualTo(H2StoreHousekeeping.Settings.DEFAULTS);
                    assertThat(housekeeping.isRunning()).isFalse();
                });
    }

    @Test
    void nothingHappensOnAnInMemoryDatabase() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:housekeeping-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        H2StoreHousekeeping housekeeping = new H2StoreHousekeeping(dataSource, true, BUSY);

        housekeeping.start();

        assertThat(housekeeping.isRunning()).isFalse();
        assertThat(housekeeping.pass()).isEmpty();
    }

    /** The file's size halfway through the updates and after them. */
    private record Sizes(long half, long end) {

        long secondHalfGrowth() {
            return end - half;
        }
    }

    /**
     * 3,000 times one of the two processors' tokens stored again, each in a commit of its own, as fast as it goes
     * (a processor stores its token after each batch, less often but for as long as the application runs); with
     * housekeeping, a pass every 50 updates, on the writing thread so that how the machine schedules threads
     * cannot decide the outcome (a pass on its own thread every 10 ms starved under a loaded CI machine), with a
     * retention time of 1 ms: the file keeps what was written during the last retention time, and what a pass
     * rewrites is reused once that time has passed.
     */
    private static Sizes sizesAfterTokenUpdates(Path folder, boolean housekeeping) throws Exception {
        Files.createDirectories(folder);
        JdbcDataSource dataSource = StoreWorkload.fileStore(folder);
        H2StoreHousekeeping passes = new H2StoreHousekeeping(dataSource, housekeeping, new H2StoreHousekeeping.Settings(
                BUSY.interval(), Duration.ofMillis(1), BUSY.targetFillRate(), BUSY.rewriteSize()));
        Random random = new Random(7);
        Path file = folder.resolve("jekafo.mv.db");
        long half = 0;
        try (Connection connection = dataSource.getConnection()) {
            StoreWorkload.migrate(dataSource);
            for (int update = 1; update <= 3_000; update++) {
                StoreWorkload.storeToken(connection, StoreWorkload.PROCESSORS[update % 2],
                        StoreWorkload.bytes(random, 1000 + random.nextInt(1000)));
                if (housekeeping && update % 50 == 0) {
                    assertThat(passes.pass()).isPresent();
                }
                if (update == 1_500) {
                    half = Files.size(file);
                }
            }
            return new Sizes(half, Files.size(file));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static java.util.concurrent.Callable<Void> failuresTo(List<Throwable> errors, Work work) {
        return () -> {
            try {
                work.run();
            } catch (Throwable e) {
                errors.add(e);
            }
            return null;
        };
    }
}
