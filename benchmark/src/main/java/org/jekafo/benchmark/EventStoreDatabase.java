package org.jekafo.benchmark;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh, empty event store database: the application's H2 file database under the run's temporary data
 * folder, or a new PostgreSQL database on the local server (created here, dropped by {@link #close()}).
 */
abstract sealed class EventStoreDatabase implements AutoCloseable {

    /** Spring properties that point the application at this database. */
    abstract List<String> springProperties();

    /** What to call it in the report. */
    abstract String describe();

    /** The database's size on disk, in bytes, as the application's connections reach it. */
    abstract long sizeOnDisk(DataSource application);

    @Override
    public void close() {
    }

    static EventStoreDatabase create(Options options, Path dataDir) {
        return options.postgres() ? Postgres.create() : new H2File(dataDir);
    }

    /** The default profile's store: {@code jdbc:h2:file:<jekafo.data-dir>/eventstore/jekafo}. */
    static final class H2File extends EventStoreDatabase {
        private final Path dataDir;

        H2File(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        List<String> springProperties() {
            return List.of(); // application.yml derives the H2 URL from jekafo.data-dir
        }

        @Override
        String describe() {
            return "H2 file database " + dataDir.resolve("eventstore").resolve("jekafo");
        }

        @Override
        long sizeOnDisk(DataSource application) {
            try (Stream<Path> files = Files.walk(dataDir.resolve("eventstore"))) {
                return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
            } catch (IOException e) {
                return -1;
            }
        }
    }

    /** A database {@code jekafo_bench_<timestamp>} on the local PostgreSQL, as the app's tests make theirs. */
    static final class Postgres extends EventStoreDatabase {
        private static final String SERVER = System.getProperty("jekafo.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
        private static final String USER = System.getProperty("jekafo.bench.postgres.user", "postgres");
        private final String name;

        private Postgres(String name) {
            this.name = name;
        }

        static Postgres create() {
            String name = "jekafo_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
            execute("create database " + name);
            return new Postgres(name);
        }

        @Override
        List<String> springProperties() {
            return List.of("spring.datasource.url=" + SERVER + name, "spring.datasource.username=" + USER,
                    "spring.datasource.password=");
        }

        @Override
        String describe() {
            return "PostgreSQL database " + name + " at " + SERVER.replace("jdbc:postgresql://", "");
        }

        @Override
        long sizeOnDisk(DataSource application) {
            try (var connection = application.getConnection(); var statement = connection.createStatement();
                 var size = statement.executeQuery("select pg_database_size(current_database())")) {
                size.next();
                return size.getLong(1);
            } catch (SQLException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            execute("drop database if exists " + name + " with (force)");
        }

        private static void execute(String sql) {
            try (var connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                 var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + SERVER + " (user " + USER + "): " + sql
                        + " failed: " + e.getMessage(), e);
            }
        }
    }
}
