package org.jekafo.api.integrity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a signed checkpoint of the event chain as it stands now, under a new identifier. */
public record RecordIntegrityCheckpointCommand(@TargetAggregateIdentifier String checkpointId) {
}
