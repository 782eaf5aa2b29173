package org.jekafo.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.stereotype.Component;

/**
 * A command aimed at an aggregate that does not exist (or is of another kind: an org unit's id given as a member's)
 * is refused with the code {@code NOT_FOUND}, as a refusal in the exception's details: through Axon Server only an
 * error's message and details reach the sender, not its exception's class. Axon's Spring Boot support registers this
 * bean on the command bus.
 */
@Component
class UnknownAggregateRefusal implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
            throw new CommandRefusedException(RefusalCodes.NOT_FOUND, null, "Cet enregistrement n'existe pas.");
        }
    }
}
