package org.jekafo.api.integrity;

/** The aggregate type of integrity checkpoints, as the event store records it. Stored with every event: never renamed. */
public final class IntegrityAggregates {

    /** One signed checkpoint of the event chain. */
    public static final String CHECKPOINT = "IntegrityCheckpoint";

    private IntegrityAggregates() {
    }
}
