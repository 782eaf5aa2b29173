package org.jekafo.app.membership;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * The command-side directory and the personal-data keys are written in the database; the events, with Axon
 * Server, in another system. Whichever commit is lost, the two are brought back in line: each failure between
 * the two commits is staged here by changing the database behind the application's back.
 */
class DirectoryReconciliationTest extends IntegrationTest {

    private static final String CHECK = "member-directory-check";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = connect();
    }

    @AfterEach
    void restart() {
        checker().start();
    }

    private EventProcessor checker() {
        return processing.eventProcessor(CHECK).orElseThrow();
    }

    private Map<String, Object> registrationWithNationalId(String nationalId) {
        Map<String, Object> input = new HashMap<>(TestApi.registration("Sangaré" + TestData.suffix(), "Oumou", "F",
                api.unitId("SG-01")));
        input.put("nationalId", nationalId);
        return input;
    }

    @Test
    void newDirectoryRowIsConfirmedOnceItsEventIsReadBackFromTheEventStore() {
        String id = TestApi.identifierOf(api.register(registrationWithNationalId(TestData.uniqueNationalId())).get("id"));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select confirmed from member_directory where member_id = ?", Boolean.class, id));
    }

    @Test
    void eventStoredWithoutItsDirectoryRowGetsItsRowBackAndItsNationalIdStaysTaken() {
        checker().shutDown();
        String nationalId = TestData.uniqueNationalId();
        String id = TestApi.identifierOf(api.register(registrationWithNationalId(nationalId)).get("id"));
        // the database commit that held the row was lost; the event store kept the event
        jdbc.update("delete from member_directory where member_id = ?", id);

        checker().start();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from member_directory where member_id = ? and confirmed and national_id = ?",
                Integer.class, id, nationalId) == 1);
        assertRefused(api.registrationRefusal(registrationWithNationalId(nationalId)), "DUPLICATE_NATIONAL_ID",
                "nationalId");
    }

    @Test
    void directoryRowWhoseEventWasNeverStoredIsRemovedAndFreesItsNationalId() {
        String ghost = UUID.randomUUID().toString();
        String nationalId = TestData.uniqueNationalId();
        Timestamp now = Timestamp.from(Instant.now());
        // the database committed a registration's row and key; the event store never stored its event
        jdbc.update("insert into member_directory (member_id, card_number, national_id, name_key, local_unit_id, status, "
                + "confirmed, written_at) values (?, ?, ?, 'fantome|x|1990', ?, 'ACTIVE', false, ?)", ghost,
                "SG-9" + (100000 + (int) (Math.random() * 800000)), nationalId, TestApi.identifierOf(api.unitId("SG-01")), now);
        jdbc.update("insert into personal_data_key (subject_id, secret, created_at) values (?, ?, ?)", ghost,
                new byte[32], now);
        // while the row is within its grace period, its national id stays taken
        assertRefused(api.registrationRefusal(registrationWithNationalId(nationalId)), "DUPLICATE_NATIONAL_ID",
                "nationalId");
        // then the grace period passes (aged here rather than waited for, so the sweep cannot run in between)
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        jdbc.update("update member_directory set written_at = ? where member_id = ?", longAgo, ghost);
        jdbc.update("update personal_data_key set created_at = ? where subject_id = ?", longAgo, ghost);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from member_directory where member_id = ?", Integer.class, ghost) == 0);

        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ?", Integer.class,
                ghost)).isZero();
        assertThat(api.register(registrationWithNationalId(nationalId))).containsKey("id");
    }

    @Test
    void erasureStoredWhoseKeySurvivedHasItsKeyDestroyedWhenReadBack() {
        String id = TestApi.identifierOf(api.register(registrationWithNationalId(TestData.uniqueNationalId())).get("id"));
        checker().shutDown();
        api.run("erasePersonalData", "input", Map.of("memberId", id, "reason", "Demande de l'intéressée"))
                .data("erasePersonalData");
        // the database commit that destroyed the key was lost; the event store kept the erasure
        jdbc.update("update personal_data_key set secret = ?, destroyed_at = null where subject_id = ?", new byte[32], id);

        checker().start();

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from personal_data_key where subject_id = ? and secret is null and destroyed_at is not null",
                Integer.class, id) == 1);
    }

    @Test
    void registeredMemberIsNeverShownAsErased() {
        String id = TestApi.identifierOf(api.register(registrationWithNationalId(TestData.uniqueNationalId())).get("id"));
        api.awaitProjectionsCaughtUp();

        assertThat(api.member(id).get("lastName")).asString().startsWith("Sangaré");
    }
}
