package org.jekafo.app.platform.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.jekafo.api.common.EventMetadata;
import org.jekafo.api.common.MetadataKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which metadata an event is stored with is decided by its type: by default what it inherits from its command
 * (principal, role, channel, correlation, causation, capture time); a type annotated with {@link EventMetadata}
 * is stored with less — here a secret choice, stored with no principal, beside the participation that names the
 * voter. Through Axon's own event store and unit of work, as every command handler publishes.
 */
class EventMetadataPolicyTest {

    @EventMetadata(without = {MetadataKeys.PRINCIPAL, MetadataKeys.ROLE})
    record SecretChoiceRecordedEvent(String consultationId, String choice) {
    }

    record ParticipationRecordedEvent(String consultationId, String memberId) {
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEventTypeThatCarriesLessIsStoredWithoutThePrincipalItsCommandNamed() {
        new EventMetadataPolicy(store);

        List<? extends DomainEventMessage<?>> stored = castFromThePhone();

        assertThat(stored.get(0).getPayload()).isInstanceOf(SecretChoiceRecordedEvent.class);
        assertThat(stored.get(0).getMetaData()).doesNotContainKeys(MetadataKeys.PRINCIPAL, MetadataKeys.ROLE)
                .containsEntry(MetadataKeys.CHANNEL, "USSD").containsKeys(MetadataKeys.CORRELATION_ID,
                        MetadataKeys.CAUSATION_ID, MetadataKeys.CAPTURED_AT);
    }

    @Test
    void everyOtherEventCarriesTheDefaultAndNothingMoreOfItsCommand() {
        new EventMetadataPolicy(store);

        List<? extends DomainEventMessage<?>> stored = castFromThePhone();

        assertThat(stored.get(1).getMetaData()).containsEntry(MetadataKeys.PRINCIPAL, "awa.traore")
                .containsEntry(MetadataKeys.ROLE, "MEMBER").containsEntry(MetadataKeys.CHANNEL, "USSD")
                .doesNotContainKeys("principalUnit", "principalMember", "unrelated");
        assertThat(stored.get(1).getMetaData().keySet()).isSubsetOf(EventMetadataPolicy.DEFAULT);
    }

    @Test
    void withoutThePolicyTheSameEventWouldNameItsVoter() {
        List<? extends DomainEventMessage<?>> stored = castFromThePhone();

        assertThat(stored.get(0).getMetaData()).containsEntry(MetadataKeys.PRINCIPAL, "awa.traore");
    }

    private List<? extends DomainEventMessage<?>> castFromThePhone() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage("cast a ballot").andMetaData(Map.of(
                MetadataKeys.PRINCIPAL, "awa.traore", MetadataKeys.ROLE, "MEMBER", MetadataKeys.CHANNEL, "USSD",
                MetadataKeys.CAPTURED_AT, "2026-12-06T10:00:00Z", "principalMember", "m-1", "unrelated", "x"));
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        unitOfWork.registerCorrelationDataProvider(new AxonMessagingConfiguration().jekafoCorrelation());
        unitOfWork.execute(() -> store.publish(
                new GenericDomainEventMessage<>("Consultation", "c-1", 0, new SecretChoiceRecordedEvent("c-1", "OUI")),
                new GenericDomainEventMessage<>("Consultation", "c-1", 1, new ParticipationRecordedEvent("c-1", "m-1"))));
        return store.readEvents("c-1").asStream().toList();
    }
}
