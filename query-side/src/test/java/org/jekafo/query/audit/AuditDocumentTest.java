package org.jekafo.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.EventName;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.RecordField;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit index says of an event, without Spring or Elasticsearch: summary, fields, units, metadata. */
class AuditDocumentTest {

    private static final String MEMBER = "m-1";
    private static final MetaData META = MetaData.from(Map.of("principal", "agent-sg01", "role", "FIELD_AGENT",
            "channel", "FIELD_AGENT", "correlationId", "corr-1", "causationId", "cause-1",
            "capturedAt", "2026-12-01T10:00:00Z"));

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AggregateUnits units = new AggregateUnits(store, 100);

    @Test
    void aRegistrationNamesItsFieldsShowsNoPersonalValueAndConcernsTheMembersUnit() {
        AuditDocument document = AuditProjection.document(event(0, registration()), 42, units);

        assertThat(document.summary).isEqualTo("Membre inscrit : numéro de carte = TB-900001, nom, prénom, genre = F, "
                + "année de naissance, téléphone, identité nationale, métiers = TEINTURE COUTURE, unité locale = u-sg01, "
                + "handicap = false, date d'adhésion = 2020-04-05, confirmedPossibleDuplicate = false.");
        assertThat(document.summary).doesNotContain("Zanzibarou", "Kadidia", "76123456", "1985", "19850101X");
        assertThat(document.changedFields).contains("lastName", "firstName", "phone", "nationalId", "birthYear",
                "localUnitId").doesNotContain("memberId");
        assertThat(document.orgUnitIds).containsExactly("u-sg01");
        assertThat(document.dataSubjects).containsExactly(MEMBER);
        assertThat(document.eventId).isNotBlank();
        assertThat(document.documentId()).isEqualTo(document.eventId);
        assertThat(document.position).isEqualTo(42);
        assertThat(document).extracting(d -> d.eventName, d -> d.aggregateType, d -> d.aggregateId, d -> d.sequence,
                d -> d.principal, d -> d.role, d -> d.channel, d -> d.correlationId, d -> d.causationId)
                .containsExactly("MemberRegisteredEvent", "Member", MEMBER, 0L, "agent-sg01", "FIELD_AGENT",
                        "FIELD_AGENT", "corr-1", "cause-1");
        assertThat(document.capturedAt).hasToString("2026-12-01T10:00:00Z");
    }

    @Test
    void anEventNamingNoUnitConcernsItsAggregatesUnitAtThatMomentAndATransferBothUnits() {
        AuditProjection.document(event(0, registration()), 1, units);

        AuditDocument suspended = AuditProjection.document(event(1, new MemberSuspendedEvent(MEMBER, "Retard")), 2,
                units);
        AuditDocument transferred = AuditProjection.document(event(2, new MemberTransferredEvent(MEMBER, "u-sg01",
                "u-sg02", "Déménagement")), 3, units);
        AuditDocument suspendedAgain = AuditProjection.document(event(3, new MemberSuspendedEvent(MEMBER, "Retard")),
                4, units);

        assertThat(suspended.summary).isEqualTo("Membre suspendu : motif.");
        assertThat(suspended.orgUnitIds).containsExactly("u-sg01");
        assertThat(transferred.orgUnitIds).containsExactly("u-sg01", "u-sg02");
        assertThat(transferred.summary).isEqualTo("Membre transféré : unité de départ = u-sg01, unité d'arrivée = "
                + "u-sg02, motif.");
        assertThat(suspendedAgain.orgUnitIds).containsExactly("u-sg02");
    }

    @Test
    void withoutItsAggregateInMemoryTheUnitsAreReadBackFromTheEventStore() {
        store.publish(event(0, registration()), event(1, new MemberTransferredEvent(MEMBER, "u-sg01", "u-sg02", null)));
        AggregateUnits afterARestart = new AggregateUnits(store, 100);

        AuditDocument suspended = AuditProjection.document(event(2, new MemberSuspendedEvent(MEMBER, "Retard")), 3,
                afterARestart);

        assertThat(suspended.orgUnitIds).containsExactly("u-sg02");
    }

    /** A type no code here knows: its stable name split into words, its fields by their stored names. */
    @EventName(value = "BureauSeatFilledEvent", revision = "1")
    record BureauSeatFilledEvent(@JsonProperty("bureauId") String bureauId,
                                 @JsonProperty("orgUnitId") String orgUnitId,
                                 @JsonProperty("seat") Gender seat,
                                 @JsonProperty("holderId") @DataSubject String holderId,
                                 @JsonProperty("holderName") @PersonalData String holderName,
                                 @JsonProperty("motto") String motto,
                                 @JsonProperty("newUnitId") @RecordField("orgUnitId") String newUnitId) {
    }

    @Test
    void aFutureEventReadsGenericallyWithoutItsPersonalDataOrFreeText() {
        AuditDocument document = AuditProjection.document(new GenericDomainEventMessage<>("Bureau", "b-1", 0,
                new BureauSeatFilledEvent("b-1", "u-1", Gender.F, "m-9", "Awa Traoré", "Unis", "u-2"), META), 7, units);

        assertThat(document.summary).isEqualTo("Bureau Seat Filled : unité = u-1, seat = F, holderId, holderName, "
                + "motto, newUnitId = u-2.");
        assertThat(document.orgUnitIds).containsExactly("u-1", "u-2");
        assertThat(document.dataSubjects).containsExactly("m-9");
        assertThat(document.aggregateType).isEqualTo("Bureau");
    }

    @Test
    void aStoredEventIsDescribedWithoutItsPersonalValuesEverBeingRead() {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()).build();
        ObjectNode stored = serializer.getObjectMapper().valueToTree(registration());
        for (String personal : List.of("lastName", "firstName", "birthYear", "phone", "nationalId")) {
            stored.put(personal, "jekafo:enc:v1:c2NlbGzDqQ=="); // as encrypted: not even a number for birthYear
        }
        SerializedObject<byte[]> bytes = serializer.getConverter().convert(
                new SimpleSerializedObject<>(stored, JsonNode.class, serializer.typeForClass(MemberRegisteredEvent.class)),
                byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(META, byte[].class);
        GenericDomainEventMessage<?> fromTheStore = new GenericDomainEventMessage<>("Member", MEMBER, 0,
                new SerializedMessage<>("e-1", bytes, metaData, serializer), Instant.parse("2026-12-01T10:00:00Z"));

        StoredPayloads.Redacted read = new StoredPayloads(serializer).read(fromTheStore);
        AuditDocument document = AuditProjection.document(fromTheStore, read.payload(), read.personalFieldsSet(), 42,
                units);

        assertThat(read.personalFieldsSet()).containsExactlyInAnyOrder("lastName", "firstName", "birthYear", "phone",
                "nationalId");
        assertThat(read.payload()).isInstanceOfSatisfying(MemberRegisteredEvent.class, payload -> assertThat(payload)
                .extracting(MemberRegisteredEvent::lastName, MemberRegisteredEvent::birthYear, MemberRegisteredEvent::phone)
                .containsExactly(PersonalData.ERASED, null, PersonalData.ERASED));
        AuditDocument fromThePayload = documentOf(registration());
        assertThat(document.summary).isEqualTo(fromThePayload.summary);
        assertThat(document.changedFields).isEqualTo(fromThePayload.changedFields);
        assertThat(document.orgUnitIds).containsExactly("u-sg01");
        assertThat(document.dataSubjects).containsExactly(MEMBER);
    }

    private AuditDocument documentOf(Object payload) {
        return AuditProjection.document(event(0, payload), 42, units);
    }

    @Test
    void aSecretBallotIsNeverIndexed() {
        assertThat(AuditProjection.NEVER_INDEXED).contains(SecretBallotDepositedEvent.class);
    }

    private static MemberRegisteredEvent registration() {
        return new MemberRegisteredEvent(MEMBER, "TB-900001", "Zanzibarou", "Kadidia", Gender.F, 1985,
                "+22376123456", "19850101X", List.of("TEINTURE", "COUTURE"), "u-sg01", false,
                LocalDate.of(2020, 4, 5), false);
    }

    private static GenericDomainEventMessage<?> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Member", MEMBER, sequence, payload, META);
    }
}
