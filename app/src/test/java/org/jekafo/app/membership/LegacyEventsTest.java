package org.jekafo.app.membership;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Events written into the store the way it was written before events had stable names — payload type the class's
 * full name, no revision, plain Jackson JSON — are read by the running application: history shows them under their
 * stable names and the projection applies them. Runs on the relational stores (H2 by default, PostgreSQL with the
 * {@code postgres} profile); with Axon Server there is no table to write into.
 */
class LegacyEventsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Serializer jackson;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    Configuration axon;

    private void storeTheOldWay(String memberId, long sequence, Object event) {
        SerializedObject<byte[]> payload = jackson.serialize(event, byte[].class);
        SerializedObject<byte[]> metaData = jackson.serialize(MetaData.with(MetadataKeys.PRINCIPAL, "bureau-ancien")
                .and(MetadataKeys.ROLE, "EXECUTIVE_BUREAU"), byte[].class);
        assertThat(payload.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(payload.getType().getRevision()).isNull();
        jdbc.update("insert into DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, "
                        + "payload, payloadRevision, payloadType, timeStamp) values (?, ?, 'Member', ?, ?, ?, null, ?, ?)",
                memberId, sequence, UUID.randomUUID().toString(), metaData.getData(), payload.getData(),
                payload.getType().getName(), Instant.now().toString());
    }

    @Test
    void eventsStoredUnderTheirClassNamesAreShownAndProjectedUnderTheirStableNames() {
        assumeFalse(TestAxonServer.profileActive(), "Axon Server stores the events: no table to write the old rows into");
        TestApi api = connect();
        String memberId = UUID.randomUUID().toString();
        String lastName = "Ancien" + TestData.suffix();
        // far beyond the card numbers the region's counter hands out while the suite runs
        String cardNumber = "SG-9" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        storeTheOldWay(memberId, 0, new MemberRegisteredEvent(memberId, cardNumber, lastName, "Awa", Gender.F, 1985,
                "+22376123456", null, List.of("FORGE"), api.unitId("SG-01"), false, LocalDate.of(2024, 3, 1), false));
        storeTheOldWay(memberId, 1, new MemberPhoneChangedEvent(memberId, "+22366554433"));

        List<Map<String, Object>> history = api.history(memberId);

        assertThat(history).extracting(entry -> entry.get("type"))
                .containsExactly("MemberRegisteredEvent", "MemberPhoneChangedEvent");
        assertThat(history.get(0)).containsEntry("principal", "bureau-ancien");
        assertThat(history.get(1).get("changes")).isEqualTo(List.of(Map.of("field", "phone", "value", "+22366554433")));
        Map<String, Object> member = await().atMost(Duration.ofSeconds(30)).until(() -> api.member(memberId),
                found -> found != null && "+22366554433".equals(found.get("phone")));
        assertThat(member).containsEntry("lastName", lastName).containsEntry("cardNumber", cardNumber);
    }

    @Test
    void newEventsAreStoredUnderTheirStableNameAndRevision() {
        assumeFalse(TestAxonServer.profileActive(), "Axon Server stores the events: no table to read them from");
        TestApi api = connect();
        String id = TestApi.identifierOf(api.register(TestApi.registration("Nouveau" + TestData.suffix(), "Fanta", "F",
                api.unitId("SG-01"))).get("id"));

        assertThat(jdbc.queryForMap("select payloadType, payloadRevision from DomainEventEntry where aggregateIdentifier = ?", id))
                .containsEntry("payloadType", "MemberRegisteredEvent").containsEntry("payloadRevision", "1");
    }

    /** The store reads through Axon's upcaster chain, whichever store the profile uses: it renames old types first. */
    @Test
    void theApplicationsUpcasterChainReadsAClassNameAsItsStableName() {
        GenericDomainEventEntry<byte[]> old = new GenericDomainEventEntry<>("Member", "m-1", 0, "e-1", Instant.EPOCH,
                MemberPhoneChangedEvent.class.getName(), null, "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> read = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(old, eventSerializer))).toList();

        assertThat(read).extracting(IntermediateEventRepresentation::getType)
                .containsExactly(new SimpleSerializedType("MemberPhoneChangedEvent", "1"));
    }
}
