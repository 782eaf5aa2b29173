package org.jekafo.query.consultation;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.projection.ProjectedVersionView;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Live updates of consultations, once the projections have written them: a {@link FindConsultationQuery} sent as a
 * subscription query is updated each time that consultation's document is committed; a {@link FindTurnoutQuery}
 * each time ballots are (a ballot's document does not name its consultation in its identifier, and the subscriber
 * reads the turnout again at most once a second). Updates name what was written, never what it holds.
 */
@Component
class ConsultationUpdates {

    private final QueryUpdateEmitter emitter;

    ConsultationUpdates(QueryUpdateEmitter emitter, ConsultationIndex consultations, BallotIndex ballots) {
        this.emitter = emitter;
        consultations.onWritten(this::consultationsWritten);
        ballots.onWritten(this::ballotsWritten);
    }

    void consultationsWritten(ProjectionIndex index, Map<String, Long> versions) {
        Set<String> followed = emitter.activeSubscriptions().stream()
                .filter(s -> FindConsultationQuery.class.isAssignableFrom(s.getPayloadType()))
                .map(SubscriptionQueryMessage::getPayload).map(FindConsultationQuery.class::cast)
                .map(FindConsultationQuery::consultationId).filter(versions::containsKey).collect(Collectors.toSet());
        for (String consultationId : followed) {
            emitter.emit(FindConsultationQuery.class, query -> consultationId.equals(query.consultationId()),
                    new ProjectedVersionView(index.processingGroup(), consultationId, versions.get(consultationId)));
        }
    }

    void ballotsWritten(ProjectionIndex index, Map<String, Long> versions) {
        boolean followed = emitter.activeSubscriptions().stream()
                .anyMatch(s -> FindTurnoutQuery.class.isAssignableFrom(s.getPayloadType()));
        if (followed && !versions.isEmpty()) {
            emitter.emit(FindTurnoutQuery.class, query -> true,
                    new ProjectedVersionView(index.processingGroup(), "ballots", versions.size()));
        }
    }
}
