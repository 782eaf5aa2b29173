package org.jekafo.query.elasticsearch;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.jekafo.api.common.ShowableFailure;

/**
 * What a projection's dead-letter queue keeps of an event it could not apply: the event always (it waits there,
 * with its aggregate's later events behind it, until an administrator retries or evicts it), a reason without
 * personal values, and how many times it was tried. The reason is the type and message of the first
 * {@link ShowableFailure} in the exception's causes (a document Elasticsearch refused: the index, document id,
 * status and error types; a personal-data key row lost: whose, and what to restore); any other exception's message
 * is left out, since it may quote the event's values.
 */
public final class PoisonEventPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: how many times the event was handled and failed. */
    public static final String ATTEMPTS = "attempts";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        return Decisions.requeue(reason(cause), failed -> failed.diagnostics().and(ATTEMPTS, attempts(failed) + 1));
    }

    /** How many times the letter's event failed (0 for an event parked only because an earlier one is). */
    public static long attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(ATTEMPTS);
        return attempts instanceof Number number ? number.longValue() : 0;
    }

    static ThrowableCause reason(Throwable cause) {
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof ShowableFailure) {
                return new ThrowableCause(current.getClass().getName(), current.getMessage());
            }
        }
        String type = cause == null ? "inconnue" : cause.getClass().getName();
        String name = cause == null ? type : cause.getClass().getSimpleName();
        return new ThrowableCause(type, "La projection n'a pas pu appliquer l'événement (" + name + ").");
    }
}
