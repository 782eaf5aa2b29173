package org.jekafo.query.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.common.StableNames;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

/**
 * Writes every event of every aggregate into the audit index, one document per event ({@link AuditDescription} for
 * what it says, {@link AggregateUnits} for the units it concerns), whatever the event's type: a new aggregate or
 * event needs no code here. A secret ballot ({@link SecretBallotDepositedEvent}) is never written: the audit trail
 * shows that a member took part ({@code ParticipationRecordedEvent}), never what anyone chose.
 */
@Component
@ProcessingGroup(AuditProjection.PROCESSING_GROUP)
class AuditProjection {

    static final String PROCESSING_GROUP = "audit-projection";

    /** Events that never enter the audit trail. */
    static final Set<Class<?>> NEVER_INDEXED = Set.of(SecretBallotDepositedEvent.class);

    private final ElasticsearchClient client;
    private final AuditIndex index;
    private final AggregateUnits units;
    private final StoredPayloads payloads;
    private final GlobalPositions positions = new GlobalPositions();

    AuditProjection(ElasticsearchClient client, AuditIndex index, EventStore eventStore,
                    @Qualifier("eventSerializer") Serializer eventSerializer,
                    @Value("${jekafo.audit.units-cache:100000}") int unitsCache) {
        this.client = client;
        this.index = index;
        this.units = new AggregateUnits(eventStore, unitsCache);
        this.payloads = new StoredPayloads(eventSerializer);
    }

    /** Every event, its payload read without its personal data ({@link StoredPayloads}). */
    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = positions.of(token); // every event moves the position, indexed or not
        if (NEVER_INDEXED.contains(event.getPayloadType())) {
            return;
        }
        StoredPayloads.Redacted payload = payloads.read(event);
        AuditDocument document = document(event, payload.payload(), payload.personalFieldsSet(), position, units);
        DocumentBatch.current(client, index, AuditDocument.class).create(position, document);
    }

    @ResetHandler
    void reset() {
        units.clear();
    }

    /** The audit document of one event at {@code position}, its payload as it is; {@code units} learns what it sets. */
    static AuditDocument document(EventMessage<?> event, long position, AggregateUnits units) {
        return document(event, event.getPayload(), null, position, units);
    }

    /**
     * The audit document of one event at {@code position} whose payload is {@code payload}, its personal fields emptied
     * when {@code personalFieldsSet} names those that held a value (null: as they are); {@code units} learns what it sets.
     */
    static AuditDocument document(EventMessage<?> event, Object payload, Set<String> personalFieldsSet, long position,
                                  AggregateUnits units) {
        MetaData metaData = event.getMetaData();
        String eventName = StableNames.eventName(event.getPayloadType());
        AuditDocument document = new AuditDocument();
        document.eventId = event.getIdentifier();
        document.position = position;
        document.occurredAt = event.getTimestamp();
        String capturedAt = text(metaData.get(MetadataKeys.CAPTURED_AT));
        document.capturedAt = capturedAt == null ? null : Instant.parse(capturedAt);
        document.eventName = eventName;
        document.principal = text(metaData.get(MetadataKeys.PRINCIPAL));
        document.role = text(metaData.get(MetadataKeys.ROLE));
        document.channel = text(metaData.get(MetadataKeys.CHANNEL));
        document.correlationId = text(metaData.get(MetadataKeys.CORRELATION_ID));
        document.causationId = text(metaData.get(MetadataKeys.CAUSATION_ID));
        String aggregateId = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            document.aggregateType = domain.getType();
            document.aggregateId = aggregateId;
            document.sequence = domain.getSequenceNumber();
        }
        AuditDescription.Described described = AuditDescription.of(eventName, aggregateId, payload, personalFieldsSet);
        document.summary = described.summary();
        document.summaryFolded = TextFolding.fold(described.summary());
        document.changedFields = described.changedFields();
        document.dataSubjects = described.dataSubjects();
        document.orgUnitIds = aggregateId == null ? described.namedUnits()
                : units.concerned(aggregateId, document.sequence, described);
        if (document.orgUnitIds.isEmpty() && !described.dataSubjects().isEmpty()) {
            Instant at = event.getTimestamp();
            document.orgUnitIds = described.dataSubjects().stream()
                    .flatMap(member -> units.current(member, e -> !e.getTimestamp().isAfter(at)).stream())
                    .distinct().toList();
        }
        return document;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
