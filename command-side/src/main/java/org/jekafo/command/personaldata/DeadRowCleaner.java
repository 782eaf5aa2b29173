package org.jekafo.command.personaldata;

import org.jekafo.command.common.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * On PostgreSQL, a deleted or updated row stays in its table's pages as a dead tuple until a vacuum: after an
 * erasure has committed, the tables it touched are vacuumed at once rather than whenever autovacuum gets to
 * them. (The write-ahead log and backups keep what they kept; H2's old pages stay in its file until
 * compacted.) A failed vacuum
 * is logged; the erasure stands.
 */
@Component
public class DeadRowCleaner {

    private static final Logger LOG = LoggerFactory.getLogger(DeadRowCleaner.class);

    private final DataSource dataSource;
    private volatile Boolean postgres;

    DeadRowCleaner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Vacuums the tables once the current transaction has committed (VACUUM cannot run inside one). */
    public void cleanAfterCommit(String... tables) {
        if (!isPostgres() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                vacuum(List.of(tables));
            }
        });
    }

    private void vacuum(List<String> tables) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum " + String.join(", ", tables));
        } catch (SQLException e) {
            LOG.warn("Vacuum of {} after an erasure failed; autovacuum will do it later: {}", tables, e.toString());
        }
    }

    private boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = DatabaseKind.of(dataSource) == DatabaseKind.POSTGRESQL;
            postgres = known;
        }
        return known;
    }
}
