package org.jekafo.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Handles events the way an event processor does: inside one unit of work, committed at the end, so that
 * the projections' document batches are flushed on prepare-commit; rolled back when a handler fails.
 */
public final class EventBatch {

    private EventBatch() {
    }

    /** Runs the handler calls in one unit of work and commits it. */
    public static void handle(Runnable handlerCalls) {
        handle(GenericEventMessage.asEventMessage("batch"), handlerCalls);
    }

    /** Runs the handler calls in one unit of work of a replay (a rebuild: the processor's tokens were reset). */
    public static void replay(Runnable handlerCalls) {
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(1));
        handle(new GenericTrackedEventMessage<>(replaying, GenericEventMessage.asEventMessage("batch")), handlerCalls);
    }

    private static void handle(EventMessage<?> message, Runnable handlerCalls) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        try {
            handlerCalls.run();
        } catch (RuntimeException | Error e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    /** Runs the handler calls in one unit of work, then rolls it back as a failed batch would be. */
    public static void handleAndRollBack(Runnable handlerCalls) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        try {
            handlerCalls.run();
        } finally {
            unitOfWork.rollback(new IllegalStateException("batch failed"));
        }
    }
}
