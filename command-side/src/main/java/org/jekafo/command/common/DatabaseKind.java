package org.jekafo.command.common;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which database holds the command side's tables, for the few statements whose SQL differs. */
public enum DatabaseKind {
    H2, POSTGRESQL, OTHER;

    /** Asks the database itself; {@code OTHER} when it cannot be reached. */
    public static DatabaseKind of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("postgres") ? POSTGRESQL : product.contains("h2") ? H2 : OTHER;
        } catch (SQLException e) {
            return OTHER;
        }
    }
}
