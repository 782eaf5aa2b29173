package org.jekafo.app.graphql;

import org.jekafo.api.common.Refusal;

/** Input refused by the API layer itself, before any command is sent. */
class InvalidInputException extends RuntimeException {

    private final transient Refusal refusal;

    InvalidInputException(String code, String field, String message) {
        super(message);
        this.refusal = new Refusal(code, field, message);
    }

    Refusal refusal() {
        return refusal;
    }
}
