package org.jekafo.app.platform.messaging;

import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.jekafo.api.common.Refusal;

/** Finds why a command or query was refused, whichever node handled it. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The {@link Refusal} in the cause chain: the details of a handler's exception (they travel across Axon
     * Server), or NOT_FOUND for an unknown aggregate (or the id of another kind of aggregate); {@code null} for anything else.
     */
    public static Refusal in(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof HandlerExecutionException handlerFailure
                    && handlerFailure.getDetails().orElse(null) instanceof Refusal refusal) {
                return refusal;
            }
            if (cause instanceof AggregateNotFoundException || cause instanceof IncompatibleAggregateException) {
                return new Refusal("NOT_FOUND", null, "Cet enregistrement n'existe pas.");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
