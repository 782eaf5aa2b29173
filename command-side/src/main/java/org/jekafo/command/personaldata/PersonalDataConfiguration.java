package org.jekafo.command.personaldata;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys of personal data, which the {@link PersonalDataSerializer} inside Axon's {@code eventSerializer} uses
 * (see {@code eventstore.EventSerializerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    /**
     * The keys, read in the current transaction and created on a small pool of their own (two connections to
     * the same database), so that a new key is committed before any event that needs it can be stored, and a
     * command thread never waits for a second connection of the main pool while holding one.
     */
    @Bean(destroyMethod = "")
    JdbcPersonalDataKeys personalDataKeys(JdbcTemplate jdbc, KeyPool pool) {
        return new JdbcPersonalDataKeys(jdbc, pool.dataSource());
    }

    @Bean(destroyMethod = "close")
    KeyPool personalDataKeyPool(DataSourceProperties database) {
        HikariDataSource keys = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        keys.setPoolName("personal-data-keys");
        keys.setMaximumPoolSize(2);
        keys.setMinimumIdle(0);
        keys.setAutoCommit(true);
        return new KeyPool(keys);
    }

    /** The key pool, wrapped so that it is not a second {@code DataSource} bean (Boot configures the one). */
    record KeyPool(HikariDataSource dataSource) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }
}
