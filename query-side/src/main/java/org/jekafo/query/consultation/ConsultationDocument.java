package org.jekafo.query.consultation;

import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;
import java.util.List;

/** A consultation in the {@code jekafo-consultations} index (see {@code consultations.json}). */
class ConsultationDocument extends VersionedDocument {
    public String consultationId;
    public String orgUnitId;
    public String title;
    public String mode;
    public ConsultationStatus status;
    public Instant opensAt;
    public Instant closesAt;
    public ConsultationPlan plan;
    public Long eligibleCount;
    public List<GroupCount> eligibleGroups;
    public String publicKey;
    public String closingReason;
    public boolean closedEarly;
    public String cancellationReason;
    public Instant openedAt;
    public Instant closedAt;
    public ConsultationTalliedEvent tally;
    public Instant talliedAt;

    @Override
    public String documentId() {
        return consultationId;
    }

    ConsultationView toView() {
        return new ConsultationView(consultationId, orgUnitId, plan, status, closesAt, eligibleCount, eligibleGroups,
                publicKey, closingReason, closedEarly, cancellationReason, openedAt, closedAt, tally, talliedAt,
                version);
    }
}
