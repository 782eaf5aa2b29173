package org.jekafo.command.eventstore;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jekafo.command.common.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the embedded H2 store compact. H2 writes every commit as a new chunk of changed pages and leaves the
 * pages they replace behind; its background thread, which would move the live pages out of mostly dead chunks
 * and reuse their space, does not run when commits are written before they are acknowledged ({@code
 * WRITE_DELAY=0}, what makes the store durable). Without it, a census of 22,000 members made a 958 MB file
 * for 22 MB of data. This does that housekeeping on a schedule instead, when the file is mostly dead space:
 * writes wait while it runs (a fraction of a second to a few seconds on a busy machine, measured). It also lets
 * the pages an erasure replaced be overwritten. Nothing happens on PostgreSQL, which vacuums by itself.
 */
@Component
class H2StoreCompaction {

    private static final Logger LOG = LoggerFactory.getLogger(H2StoreCompaction.class);

    private final DataSource dataSource;
    private final int minimumFillRate;
    private final int maxCompactMillis;
    private volatile Boolean h2;

    H2StoreCompaction(DataSource dataSource,
                      @Value("${jekafo.h2.compaction.minimum-fill-rate:60}") int minimumFillRate,
                      @Value("${jekafo.h2.compaction.max-time:1s}") java.time.Duration maxCompactTime) {
        this.dataSource = dataSource;
        this.minimumFillRate = minimumFillRate;
        this.maxCompactMillis = (int) maxCompactTime.toMillis();
    }

    @Scheduled(initialDelayString = "${jekafo.h2.compaction.interval:5s}",
            fixedDelayString = "${jekafo.h2.compaction.interval:5s}")
    void compactWhenMostlyDeadSpace() {
        if (!isH2()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            if (store == null || store.getFileStore() == null || fillRate(store) >= minimumFillRate) {
                return;
            }
            long before = store.getFileStore().size();
            long start = System.nanoTime();
            store.compactFile(maxCompactMillis);
            LOG.debug("H2 store compacted from {} to {} bytes in {} ms", before, store.getFileStore().size(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("H2 store compaction failed ({}); it is tried again later", e.getClass().getSimpleName());
        }
    }

    /** Live data in percent of the store's file; -1 when not an H2 file store. */
    int fillRate() {
        if (!isH2()) {
            return -1;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = storeOf(connection);
            return store == null || store.getFileStore() == null ? -1 : fillRate(store);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** Live data in percent of the file: the lower of the file's use by chunks and the chunks' use by live pages. */
    private static int fillRate(MVStore store) {
        return Math.min(store.getFileStore().getFillRate(), store.getFileStore().getChunksFillRate());
    }

    private static MVStore storeOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null; // a remote H2 server compacts itself
        }
        return session.getDatabase().getStore() == null ? null : session.getDatabase().getStore().getMvStore();
    }

    private boolean isH2() {
        Boolean known = h2;
        if (known == null) {
            known = DatabaseKind.of(dataSource) == DatabaseKind.H2;
            h2 = known;
        }
        return known;
    }
}
