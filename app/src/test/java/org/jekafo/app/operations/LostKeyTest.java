package org.jekafo.app.operations;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A personal-data key row lost — a database restored from a backup older than the event store, say — leaves its
 * member's events unreadable, neither readable nor erased. A projection that meets such an event parks it as a dead
 * letter naming the member and the cause, everyone else's events flow, and once the row is restored (from the
 * backup of the key table) a retry applies it. On every profile: on Axon Server as well, where an event read back
 * carries Axon Server's serializer and parking it must copy its stored bytes instead of reading its payload again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostKeyTest extends IntegrationTest {

    private static final String MEMBERS = "member-projection";
    /** The other projection that reads a registration's personal data (a member's periods: gender, unit…). */
    private static final String PERIODS = "member-period-projection";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Autowired
    ProjectionMaintenance maintenance;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    TestApi admin;
    String unit;
    String lost;
    Map<String, Object> keyRow;

    @BeforeAll
    void connectAsBureauAndOperator() {
        api = connect();
        admin = api.as(TestApi.OPERATOR);
        unit = api.unitId("KY-04");
    }

    @Test
    void anEventWhoseKeyRowIsLostIsParkedOthersFlowAndItIsAppliedOnceTheRowIsRestored() {
        String lastName = "Clefperdue" + TestData.suffix();
        lost = UUID.randomUUID().toString();
        // both projections that read a registration's personal data are behind: neither reads it before the loss
        List<StreamingEventProcessor> behind = List.of(maintenance.processor(MEMBERS).orElseThrow(),
                maintenance.processor(PERIODS).orElseThrow());
        behind.forEach(processor -> processor.shutdownAsync().join());
        try {
            // straight to the command bus: the API's answer would wait for the stopped projection
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterMemberCommand(lost, null, lastName,
                    "Kadiatou", "F", Year.now().getValue() - 40, TestData.uniquePhone(), null, List.of("TEINTURE"),
                    TestApi.identifierOf(unit), false, null, false)).andMetaData(
                    new ActingPrincipal("bureau-lost-key-test", Role.EXECUTIVE_BUREAU, null, null).metaData()));
            keyRow = jdbc.queryForMap("select subject_id, secret, created_at from personal_data_key "
                    + "where subject_id = ?", lost);
            assertThat(jdbc.update("delete from personal_data_key where subject_id = ?", lost)).isEqualTo(1);
        } finally {
            behind.forEach(StreamingEventProcessor::start);
        }

        for (String projection : List.of(MEMBERS, PERIODS)) {
            Map<String, Object> letter = await().atMost(WITHIN).until(() -> letters(projection, lost),
                    l -> l.size() == 1).get(0);
            assertThat(letter).as(projection).containsEntry("eventType", "MemberRegisteredEvent")
                    .containsEntry("causeType", "MissingPersonalDataKeyException").containsEntry("sequenceNumber", 0);
            assertThat((String) letter.get("reason")).as(projection)
                    .contains("Aucune clé de données personnelles pour " + lost).contains("personal_data_key")
                    .doesNotContain("Kadiatou").doesNotContain(lastName);
        }

        String after = "Apresperte" + TestData.suffix();
        api.register(TestApi.registration(after, "Bakary", "M", unit));
        assertThat(api.memberList(Map.of("name", after))).as("the others flow").hasSize(1);
        assertThat(api.memberList(Map.of("name", lastName))).isEmpty();

        restoreKeyRow();
        for (String projection : List.of(MEMBERS, PERIODS)) {
            Map<String, Object> retried = admin.run("retryDeadLetters", "input", Map.of("processor", projection,
                    "sequenceId", lost)).data("retryDeadLetters");
            assertThat(retried).as(projection).containsEntry("appliedSequences", 1);
            assertThat(letters(projection, lost)).as(projection).isEmpty();
        }
        assertThat(api.member(lost)).containsEntry("lastName", lastName).containsEntry("firstName", "Kadiatou");
    }

    /** A failed run leaves neither a lost key (a later rebuild would park its event again) nor a letter behind. */
    @AfterEach
    void nothingLeftLostOrParked() {
        if (keyRow != null) {
            restoreKeyRow();
        }
        for (String projection : List.of(MEMBERS, PERIODS)) {
            if (lost != null && !letters(projection, lost).isEmpty()) {
                admin.run("evictDeadLetter", "input", Map.of("processor", projection, "sequenceId", lost));
            }
        }
    }

    private void restoreKeyRow() {
        jdbc.update("insert into personal_data_key (subject_id, secret, created_at) select ?, ?, ? "
                + "where not exists (select 1 from personal_data_key where subject_id = ?)", keyRow.get("subject_id"),
                keyRow.get("secret"), keyRow.get("created_at"), keyRow.get("subject_id"));
    }

    /** The parked events of one member in a projection's queue. */
    private List<Map<String, Object>> letters(String projection, String member) {
        return admin.deadLetters(projection, member);
    }
}
