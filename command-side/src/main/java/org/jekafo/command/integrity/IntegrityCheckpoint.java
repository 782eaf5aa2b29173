package org.jekafo.command.integrity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.integrity.IntegrityCheckpointRecordedEvent;
import org.jekafo.api.integrity.RecordIntegrityCheckpointCommand;
import org.jekafo.integrity.Checkpoint;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One signed checkpoint of the event chain, kept in the history like any fact: taken from the chain as it stands
 * when the command is handled ({@link CheckpointTaker}), signed with the server's key, recorded with its signature
 * and public key. Never changes afterwards.
 */
@Aggregate
class IntegrityCheckpoint {

    @AggregateIdentifier
    private String checkpointId;

    IntegrityCheckpoint() {
        // for Axon
    }

    @CommandHandler
    IntegrityCheckpoint(RecordIntegrityCheckpointCommand command, CheckpointTaker taker) {
        Checkpoint checkpoint = taker.take(command.checkpointId());
        apply(new IntegrityCheckpointRecordedEvent(checkpoint.checkpointId(), checkpoint.chainSequence(),
                checkpoint.globalIndex(), checkpoint.eventCount(), checkpoint.chainHash(), checkpoint.merkleRoot(),
                checkpoint.blockSize(), checkpoint.recordedAt(), checkpoint.publicKey(), checkpoint.signature()));
    }

    @EventSourcingHandler
    void on(IntegrityCheckpointRecordedEvent event) {
        checkpointId = event.checkpointId();
    }
}
