package org.jekafo.query.membership;

import org.axonframework.queryhandling.QueryExecutionException;
import org.jekafo.api.common.Refusal;

/** A pagination cursor this server did not issue; the {@link Refusal} travels as the details. */
public class InvalidCursorException extends QueryExecutionException {
    public InvalidCursorException(String cursor) {
        super("Le curseur de pagination « " + cursor + " » n'est pas valide.", null,
                new Refusal("INVALID_CURSOR", "after", "Le curseur de pagination « " + cursor + " » n'est pas valide."));
    }
}
