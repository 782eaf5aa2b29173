package org.jekafo.command.common;

import org.axonframework.commandhandling.CommandExecutionException;
import org.jekafo.api.common.Refusal;

/**
 * A command that the rules refuse. The {@link Refusal} travels as the exception's details, so clients get
 * the same typed error whether the command ran in this JVM or on another node behind Axon Server.
 */
public class CommandRefusedException extends CommandExecutionException {

    public CommandRefusedException(String code, String field, String message) {
        this(new Refusal(code, field, message));
    }

    public CommandRefusedException(Refusal refusal) {
        super(refusal.message(), null, refusal);
    }

    public Refusal refusal() {
        return (Refusal) getDetails().orElseThrow();
    }
}
