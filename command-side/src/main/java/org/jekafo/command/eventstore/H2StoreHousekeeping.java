package org.jekafo.command.eventstore;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the embedded H2 store's file while the application writes to it, with the housekeeping H2's own background
 * thread would do, which does not run here.
 *
 * <p>H2 writes every commit as a new chunk of the pages it changed; the pages they replace stay behind in older
 * chunks, and a chunk's space is reused only once none of its pages is live and it is older than H2's retention
 * time (45 s by default). H2's background thread moves the live pages out of mostly dead chunks; it runs only when
 * commits reach the file up to {@code WRITE_DELAY} ms after they are acknowledged. With {@code WRITE_DELAY=0}, what
 * makes every acknowledged commit survive a killed process, it does not run, and a 22,000-member census left a
 * 230–958 MB file for 22 MB of data.
 *
 * <p>Every {@code interval} (200 ms) a pass calls what that thread calls, {@link MVStore#compact}: when live pages
 * fill less than {@code target-fill-rate} % (80) of the chunks, the live pages of the emptiest chunks (at most
 * {@code rewrite-size}, 4 MB) are rewritten into the next commit, and the emptied chunks become free space for
 * later commits. It waits at most 10 ms for the store's lock and gives up while a commit holds it (the next pass
 * tries again), so commits wait for it at most as long as it rewrites. The pass also sets H2's retention time to
 * {@code retention-time} (1 s): chunks younger than that are neither rewritten nor reused.
 *
 * <p>What it leaves out, because it closed the database while others wrote (H2 2.3.232, measured):
 * <ul>
 *   <li>moving chunks to shrink the file ({@code MVStore.compactFile}, {@code RandomAccessStore.compactMoveChunks}):
 *   an internal assertion of H2 fails during concurrent commits when assertions are on, as in tests and CI,
 *   and H2 then closes the database (error 90098). The file stops growing but does not shrink while the
 *   application runs; H2 compacts it for up to 200 ms when it closes.</li>
 *   <li>a retention time of 0 ({@code compactFile} sets it): a chunk's space is reused while H2's analysis of a
 *   table after a commit may still read it ("Chunk … not found" on that commit), and a file closed that way can
 *   refuse to open (H2 issues 2752, 4083). A retention time is therefore required.</li>
 *   <li>an interrupted thread: an interrupt during H2's file I/O closes its file channel, and H2 the database.
 *   Passes run on a thread of this class's own, which nothing interrupts; stopping lets a running pass finish
 *   (Spring's scheduler interrupts its running tasks when it shuts down).</li>
 * </ul>
 * Nothing happens on PostgreSQL, an H2 server or an in-memory H2, nor when {@code WRITE_DELAY} is above zero (H2's
 * own thread then runs).
 */
@Component
class H2StoreHousekeeping implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreHousekeeping.class);
    private static final long STOP_WAIT_SECONDS = 30;

    /** What one pass saw (before it acted) and did. */
    record Pass(long fileBytes, int chunksFillRate, boolean rewrote) {
    }

    /** How often a pass runs and what it does (see the class comment); the application's unless configured. */
    record Settings(Duration interval, Duration retentionTime, int targetFillRate, DataSize rewriteSize) {

        static final Settings DEFAULTS = new Settings(Duration.ofMillis(200), Duration.ofSeconds(1), 80,
                DataSize.ofMegabytes(4));

        Settings {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("jekafo.h2.housekeeping.interval must be positive");
            }
            if (retentionTime.isNegative() || retentionTime.isZero()) {
                throw new IllegalArgumentException("jekafo.h2.housekeeping.retention-time must be positive: with "
                        + "0, H2 reuses space that its readers may still need");
            }
        }

        Settings withInterval(Duration other) {
            return new Settings(other, retentionTime, targetFillRate, rewriteSize);
        }

        Settings withTargetFillRate(int other) {
            return new Settings(interval, retentionTime, other, rewriteSize);
        }
    }

    private final DataSource dataSource;
    private final boolean enabled;
    private final Settings settings;
    private volatile ScheduledExecutorService executor;

    @Autowired
    H2StoreHousekeeping(DataSource dataSource,
                        @Value("${jekafo.h2.housekeeping.enabled:true}") boolean enabled,
                        @Value("${jekafo.h2.housekeeping.interval:200ms}") Duration interval,
                        @Value("${jekafo.h2.housekeeping.retention-time:1s}") Duration retentionTime,
                        @Value("${jekafo.h2.housekeeping.target-fill-rate:80}") int targetFillRate,
                        @Value("${jekafo.h2.housekeeping.rewrite-size:4MB}") DataSize rewriteSize) {
        this(dataSource, enabled, new Settings(interval, retentionTime, targetFillRate, rewriteSize));
    }

    H2StoreHousekeeping(DataSource dataSource, boolean enabled, Settings settings) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.settings = settings;
    }

    /** Starts the passes if the application's database is an embedded H2 file store. */
    @Override
    public void start() {
        if (!enabled || embeddedStore().isEmpty()) {
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "h2-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long millis = settings.interval().toMillis();
        started.scheduleWithFixedDelay(this::passQuietly, millis, millis, TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Lets a running pass finish (never interrupts it) and runs no more. */
    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("H2 store housekeeping still running after {} s; the application stops anyway",
                        STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    Settings settings() {
        return settings;
    }

    /**
     * One pass on the application's database, on the calling thread; empty when there is nothing to keep (not an
     * embedded H2 file store, or H2's own thread runs).
     */
    Optional<Pass> pass() throws SQLException {
        try (Connection connection = dataSource.getConnection()) { // holds the database open during the pass
            Optional<MVStore> store = EmbeddedH2Store.of(connection);
            if (store.isEmpty() || store.get().getAutoCommitDelay() > 0) {
                return Optional.empty();
            }
            return Optional.of(pass(store.get()));
        }
    }

    private Pass pass(MVStore store) {
        int retentionMillis = (int) settings.retentionTime().toMillis();
        if (store.getRetentionTime() != retentionMillis) {
            store.setRetentionTime(retentionMillis); // not persisted: set again whenever the database was reopened
        }
        FileStore<?> file = store.getFileStore();
        long fileBytes = file.size();
        int chunksFillRate = file.getChunksFillRate();
        boolean rewrote = false;
        if (chunksFillRate < settings.targetFillRate()) {
            rewrote = store.compact(settings.targetFillRate(), (int) settings.rewriteSize().toBytes());
            if (rewrote) {
                store.tryCommit(); // else the commit under way or the next one writes them
            }
        }
        return new Pass(fileBytes, chunksFillRate, rewrote);
    }

    /** A failed pass must not cancel the next ones (a scheduled task that throws is never run again). */
    private void passQuietly() {
        if (Thread.interrupted()) {
            return; // nothing should interrupt this thread; if something did, no H2 I/O with the flag set
        }
        try {
            pass().filter(Pass::rewrote).ifPresent(pass -> LOG.debug(
                    "H2 store housekeeping: file {} bytes, chunks {} % live pages; rewrote the emptiest",
                    pass.fileBytes(), pass.chunksFillRate()));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("H2 store housekeeping pass failed ({}{}); the next pass tries again", e.getClass().getSimpleName(),
                    e instanceof MVStoreException h2 ? " " + h2.getErrorCode() : "");
        }
    }

    private Optional<MVStore> embeddedStore() {
        try (Connection connection = dataSource.getConnection()) {
            return EmbeddedH2Store.of(connection);
        } catch (SQLException | RuntimeException unreachable) {
            return Optional.empty();
        }
    }
}
