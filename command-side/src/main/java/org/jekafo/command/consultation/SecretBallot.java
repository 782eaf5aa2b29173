package org.jekafo.command.consultation;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A secret ballot in the ballot box, under a random identifier that names no member, stored without the metadata
 * that would name its sender ({@link SecretBallotDepositedEvent}'s {@code @EventMetadata}).
 */
@Aggregate(type = ConsultationAggregates.SECRET_BALLOT)
class SecretBallot {

    @AggregateIdentifier
    private String ballotId;

    SecretBallot() {
        // for Axon
    }

    SecretBallot(SecretBallotDepositedEvent ballot) {
        apply(ballot);
    }

    @EventSourcingHandler
    void on(SecretBallotDepositedEvent event) {
        ballotId = event.ballotId();
    }
}
