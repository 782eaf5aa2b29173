package org.jekafo.command.membership;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration V9 on a store that has members: their card numbers and national IDs move from the tables they
 * had (V2) into their directory rows, and stay unique there, under the constraint names the directory tells
 * refusals apart by.
 */
class DirectoryMigrationTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
            "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @BeforeEach
    void storeAtVersion8WithTwoMembers() {
        migrate("8");
        jdbc.update("insert into member_directory (member_id, name_key, local_unit_id, status) values "
                + "('m-1', 'traore aminata|1980', 'unit-1', 'ACTIVE'), ('m-2', 'keita seydou|1975', 'unit-1', 'RESIGNED')");
        jdbc.update("insert into member_card (card_number, member_id) values ('SG-000001', 'm-1'), ('SG-000002', 'm-2')");
        jdbc.update("insert into member_national_id (national_id, member_id) values ('12345678901234A', 'm-1')");
    }

    @Test
    void cardNumbersAndNationalIdsMoveIntoTheDirectoryRows() {
        migrate(null);

        List<Map<String, Object>> rows = jdbc.queryForList(
                "select member_id, card_number, national_id, name_key, status from member_directory order by member_id");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("CARD_NUMBER", "SG-000001").containsEntry("NATIONAL_ID", "12345678901234A")
                .containsEntry("NAME_KEY", "traore aminata|1980");
        assertThat(rows.get(1)).containsEntry("CARD_NUMBER", "SG-000002").containsEntry("NATIONAL_ID", null)
                .containsEntry("STATUS", "RESIGNED");
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where lower(table_name) in "
                + "('member_card', 'member_national_id')", String.class)).isEmpty();
    }

    @Test
    void migratedNumbersStayUniqueUnderTheConstraintsRefusalsAreToldApartBy() {
        migrate(null);

        assertThatThrownBy(() -> register("m-3", "SG-000001", null))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(messageOf(e)).contains("uk_member_card_number"));
        assertThatThrownBy(() -> register("m-3", "SG-000003", "12345678901234A"))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(messageOf(e)).contains("uk_member_national_id"));
        register("m-3", "SG-000003", null);
        register("m-4", "SG-000004", null); // many members without a national ID
    }

    private void register(String memberId, String card, String nationalId) {
        jdbc.update("insert into member_directory (member_id, card_number, national_id, name_key, local_unit_id, status) "
                + "values (?, ?, ?, 'x|1990', 'unit-1', 'ACTIVE')", memberId, card, nationalId);
    }

    private static String messageOf(Throwable e) {
        return String.valueOf(((DuplicateKeyException) e).getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
    }

    private void migrate(String target) {
        var configuration = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/h2", "classpath:db/migration/common");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }
}
