package org.jekafo.app;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Profiles;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * With the {@code postgres} or {@code axonserver} profile, gives each test JVM a database of its own on the local PostgreSQL
 * (created empty, so Flyway builds the schema), and drops those left behind by test JVMs that are gone.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SERVER = System.getProperty("jekafo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("jekafo.test.postgres.user", "postgres");
    private static String database;
    private static int createdCount;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!context.getEnvironment().acceptsProfiles(Profiles.of("postgres | axonserver"))) {
            return;
        }
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.datasource.url=" + SERVER + database(), "spring.datasource.username=" + USER);
    }

    /** The JDBC URL of this JVM's test database (a second application instance shares it). */
    public static String url() {
        return SERVER + database();
    }

    /**
     * The JDBC URL of a further empty database of this JVM, for a test that starts application instances of its own
     * which the shared test contexts must not see (they would poll its deadlines, say).
     */
    public static String another() {
        return SERVER + create();
    }

    private static synchronized String database() {
        if (database == null) {
            database = create();
        }
        return database;
    }

    /** A new empty database named after this JVM, once those left by test JVMs that are gone are dropped. */
    private static synchronized String create() {
        String fresh = "jekafo_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() + "_" + ++createdCount;
        try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             var statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rows = statement.executeQuery("select datname from pg_database where datname like 'jekafo_it_%'")) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    long owner = Long.parseLong(name.split("_")[2]);
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    stale.add(name);
                }
            }
            for (String name : stale) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
            statement.execute("create database " + fresh);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL test database at " + SERVER, e);
        }
        return fresh;
    }
}
