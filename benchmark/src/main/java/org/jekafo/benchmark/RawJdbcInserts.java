package org.jekafo.benchmark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Raw limit 1: the census rows as single-row INSERTs, each committed on its own (autocommit), one connection,
 * into a throw-away table {@code bench_raw_member} of the database the import used.
 */
final class RawJdbcInserts {

    static final String TABLE = "bench_raw_member";
    private static final String CREATE = "create table " + TABLE + " ("
            + "card_number varchar(32) primary key, last_name varchar(100) not null, first_name varchar(100) not null, "
            + "gender varchar(1) not null, birth_year integer not null, phone varchar(20) not null, "
            + "region varchar(100) not null, chapter varchar(100) not null, trade varchar(50) not null, "
            + "enrolled_on date not null, disability boolean not null, national_id varchar(32))";
    private static final String INSERT = "insert into " + TABLE + " (" + String.join(", ", CensusRows.COLUMNS)
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private RawJdbcInserts() {
    }

    static Measurement run(DataSource dataSource, CensusRows census) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists " + TABLE);
                ddl.execute(CREATE);
            }
            String load = Machine.loadAverage1();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (List<String> row : census.rows()) {
                    bind(insert, row);
                    insert.executeUpdate();
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            try (Statement check = connection.createStatement()) {
                try (ResultSet count = check.executeQuery("select count(*) from " + TABLE)) {
                    count.next();
                    if (count.getLong(1) != census.size()) {
                        throw new IllegalStateException(TABLE + " holds " + count.getLong(1) + " rows, expected "
                                + census.size());
                    }
                }
                check.execute("drop table " + TABLE);
            }
            return new Measurement("Raw JDBC: single-row autocommit INSERTs into " + TABLE, census.size(), "rows",
                    elapsed, load);
        }
    }

    private static void bind(PreparedStatement insert, List<String> row) throws SQLException {
        insert.setString(1, row.get(0));
        insert.setString(2, row.get(1));
        insert.setString(3, row.get(2));
        insert.setString(4, row.get(3));
        insert.setInt(5, Integer.parseInt(row.get(4)));
        insert.setString(6, row.get(5));
        insert.setString(7, row.get(6));
        insert.setString(8, row.get(7));
        insert.setString(9, row.get(8));
        insert.setDate(10, Date.valueOf(LocalDate.parse(row.get(9))));
        insert.setBoolean(11, CensusRows.isYes(row.get(10)));
        if (row.get(11).isBlank()) {
            insert.setNull(12, Types.VARCHAR);
        } else {
            insert.setString(12, row.get(11));
        }
    }
}
