package org.jekafo.command.consultation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.consultation.BallotCastEvent;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.ParticipationRecordedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member's participation in one consultation. Its identifier is derived from both, so the event store itself
 * holds at most one per member: a second ballot, even one racing the first on another instance, cannot be stored.
 * Created by {@link BallotBox}, which checks the ballot first.
 */
@Aggregate(type = ConsultationAggregates.PARTICIPATION)
class Participation {

    @AggregateIdentifier
    private String participationId;

    Participation() {
        // for Axon
    }

    /** An open ballot: attributable, with its answers. */
    Participation(BallotCastEvent ballot) {
        apply(ballot);
    }

    /** A secret ballot's participation: who, never what. */
    Participation(ParticipationRecordedEvent participation) {
        apply(participation);
    }

    @EventSourcingHandler
    void on(BallotCastEvent event) {
        participationId = event.participationId();
    }

    @EventSourcingHandler
    void on(ParticipationRecordedEvent event) {
        participationId = event.participationId();
    }
}
