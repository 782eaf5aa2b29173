package org.jekafo.command.integrity;

import org.jekafo.integrity.Checkpoint;

/** Takes a signed checkpoint of the chain as it stands now (what {@link IntegrityCheckpoint} records). */
interface CheckpointTaker {

    /** The chain's head, signed, under {@code checkpointId}; refused while nothing is chained. */
    Checkpoint take(String checkpointId);
}
