package org.jekafo.command.eventstore;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store written one commit at a time, as the application writes it, stays compact. */
class H2StoreCompactionTest {

    @TempDir
    Path folder;

    @Test
    void aStoreOfManySmallCommitsIsCompactedToAFractionOfItsSize() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("store") + ";WRITE_DELAY=0");
        try (Connection kept = dataSource.getConnection()) { // the database stays open between the calls
            commitOneRowAtATime(kept, 3_000);
            long bloated = Files.size(folder.resolve("store.mv.db"));
            H2StoreCompaction compaction = new H2StoreCompaction(dataSource, 60, Duration.ofSeconds(30));
            assertThat(compaction.fillRate()).as("fill rate before").isLessThan(60);

            compaction.compactWhenMostlyDeadSpace();

            assertThat(compaction.fillRate()).as("fill rate after").isGreaterThanOrEqualTo(60);
            assertThat(Files.size(folder.resolve("store.mv.db"))).isLessThan(bloated / 3);
            try (var rows = kept.createStatement().executeQuery("select count(*) from event")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(3_000);
            }
        }
    }

    @Test
    void aCompactStoreIsLeftAlone() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("small") + ";WRITE_DELAY=0");
        try (Connection kept = dataSource.getConnection()) {
            kept.createStatement().execute("create table event (id bigint primary key, payload varbinary(1000))");
            H2StoreCompaction compaction = new H2StoreCompaction(dataSource, 0, Duration.ofSeconds(30));
            long size = Files.size(folder.resolve("small.mv.db"));

            compaction.compactWhenMostlyDeadSpace();

            assertThat(Files.size(folder.resolve("small.mv.db"))).isEqualTo(size);
        }
    }

    private static void commitOneRowAtATime(Connection connection, int rows) throws SQLException {
        connection.createStatement().execute("create table event (id bigint primary key, payload varbinary(1000))");
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement("insert into event values (?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, i);
                insert.setBytes(2, new byte[900]);
                insert.executeUpdate();
            }
        }
    }
}
