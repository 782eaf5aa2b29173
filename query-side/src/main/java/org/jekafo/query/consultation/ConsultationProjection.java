package org.jekafo.query.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jekafo.api.consultation.ConsultationCancelledEvent;
import org.jekafo.api.consultation.ConsultationClosedEvent;
import org.jekafo.api.consultation.ConsultationDraftEditedEvent;
import org.jekafo.api.consultation.ConsultationDraftedEvent;
import org.jekafo.api.consultation.ConsultationExtendedEvent;
import org.jekafo.api.consultation.ConsultationOpenedEvent;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationScheduledEvent;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.RecommendationTaggedEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/** Projects consultations' lives into the consultations index; idempotent by sequence number like the members. */
@Component
@ProcessingGroup(ConsultationProjection.PROCESSING_GROUP)
class ConsultationProjection {

    static final String PROCESSING_GROUP = "consultation-projection";

    private final ElasticsearchClient client;
    private final ConsultationIndex index;

    ConsultationProjection(ElasticsearchClient client, ConsultationIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(ConsultationDraftedEvent event, @SequenceNumber long sequence) {
        ConsultationDocument document = new ConsultationDocument();
        document.consultationId = event.consultationId();
        document.orgUnitId = event.orgUnitId();
        document.status = ConsultationStatus.DRAFT;
        plan(document, event.plan());
        batch().create(sequence, document);
    }

    @EventHandler
    void on(ConsultationDraftEditedEvent event, @SequenceNumber long sequence) {
        update(event.consultationId(), sequence, d -> plan(d, event.plan()));
    }

    @EventHandler
    void on(ConsultationScheduledEvent event, @SequenceNumber long sequence) {
        update(event.consultationId(), sequence, d -> d.status = ConsultationStatus.SCHEDULED);
    }

    @EventHandler
    void on(ConsultationOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.consultationId(), sequence, d -> {
            d.status = ConsultationStatus.OPEN;
            d.eligibleCount = event.eligibleCount();
            d.eligibleGroups = event.eligibleGroups();
            d.publicKey = event.publicKey();
            d.openedAt = at;
        });
    }

    @EventHandler
    void on(ConsultationExtendedEvent event, @SequenceNumber long sequence) {
        update(event.consultationId(), sequence, d -> d.closesAt = event.closesAt());
    }

    @EventHandler
    void on(ConsultationClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.consultationId(), sequence, d -> {
            d.status = ConsultationStatus.CLOSED;
            d.closedEarly = event.early();
            d.closingReason = event.reason();
            d.closedAt = at;
        });
    }

    @EventHandler
    void on(ConsultationCancelledEvent event, @SequenceNumber long sequence) {
        update(event.consultationId(), sequence, d -> {
            d.status = ConsultationStatus.CANCELLED;
            d.cancellationReason = event.reason();
        });
    }

    @EventHandler
    void on(ConsultationTalliedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.consultationId(), sequence, d -> {
            d.status = ConsultationStatus.TALLIED;
            d.tally = event;
            d.talliedAt = at;
        });
    }

    /** Tags live in the ballots index; the consultation only shows it has seen its event (read your writes). */
    @EventHandler
    void on(RecommendationTaggedEvent event, @SequenceNumber long sequence) {
        update(event.consultationId(), sequence, d -> {
        });
    }

    private static void plan(ConsultationDocument document, ConsultationPlan plan) {
        document.plan = plan;
        document.title = plan.title();
        document.mode = plan.mode().name();
        document.opensAt = plan.opensAt();
        document.closesAt = plan.closesAt();
    }

    private void update(String consultationId, long sequence, Consumer<ConsultationDocument> change) {
        batch().update(consultationId, sequence, change);
    }

    private DocumentBatch<ConsultationDocument> batch() {
        return DocumentBatch.current(client, index, ConsultationDocument.class);
    }
}
