package org.jekafo.app.platform.gate;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericStreamingQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.StreamingQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.app.platform.gate.AccessRules.MessageRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * The one place every command and query passes before it is handled, whichever channel sent it (GraphQL, the
 * census import, scheduled jobs, the phone channel): dispatch interceptors on the command and query buses. A
 * message is admitted when its sender's role is allowed by the message's rule ({@link AccessRules}) and the member
 * or unit it is about is within the sender's bounds; a search is narrowed to them. Anything else is refused with
 * {@code UNAUTHENTICATED} or {@code FORBIDDEN} before a handler runs: nothing is read or changed. Deny by default:
 * a message without a rule is refused to everyone.
 *
 * <p>The sender is the principal the message's metadata names ({@link ActingPrincipal#metaData()}); a message
 * without one is sent by the caller of the current request, whose principal is then written into it.
 */
@Component
public class Gate {

    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

    private final AccessRules rules;
    private final AccessScope scope;
    private final PrincipalProvider principals;

    Gate(AccessRules rules, AccessScope scope, PrincipalProvider principals, CommandBus commandBus, QueryBus queryBus) {
        this.rules = rules;
        this.scope = scope;
        this.principals = principals;
        commandBus.registerDispatchInterceptor(commands -> (index, command) -> admit(command));
        queryBus.registerDispatchInterceptor(queries -> (index, query) -> admit(query));
    }

    /** The command as its sender may send it; refused with {@link AccessRefusedException} otherwise. */
    CommandMessage<?> admit(CommandMessage<?> command) {
        ActingPrincipal sender = senderOf(command);
        Object payload = admitted(command, sender);
        MetaData metaData = command.getMetaData().mergedWith(sender.metaData());
        return payload == command.getPayload() ? command.andMetaData(metaData)
                : new GenericCommandMessage<>(new GenericMessage<>(command.getIdentifier(), payload, metaData),
                command.getCommandName());
    }

    /** The query as its sender may send it, narrowed to their bounds; refused otherwise. */
    QueryMessage<?, ?> admit(QueryMessage<?, ?> query) {
        ActingPrincipal sender = senderOf(query);
        Object payload = admitted(query, sender);
        MetaData metaData = query.getMetaData().mergedWith(sender.metaData());
        if (payload == query.getPayload()) {
            return query.andMetaData(metaData);
        }
        if (query instanceof SubscriptionQueryMessage<?, ?, ?>) {
            throw new IllegalStateException("a subscription query cannot be narrowed: " + query.getQueryName());
        }
        if (query instanceof StreamingQueryMessage<?, ?> streaming) {
            return narrowed(streaming, payload, metaData);
        }
        return new GenericQueryMessage<>(new GenericMessage<>(query.getIdentifier(), payload, metaData),
                query.getQueryName(), query.getResponseType());
    }

    /** A streaming query (an export) narrowed: still a streaming query, answering with the same type. */
    private static <R> StreamingQueryMessage<Object, R> narrowed(StreamingQueryMessage<?, R> query, Object payload,
                                                                 MetaData metaData) {
        return new GenericStreamingQueryMessage<>(new GenericMessage<>(query.getIdentifier(), payload, metaData),
                query.getQueryName(), query.getResponseType());
    }

    private ActingPrincipal senderOf(Message<?> message) {
        if (!message.getMetaData().containsKey(MetadataKeys.PRINCIPAL)) {
            return principals.current();
        }
        return ActingPrincipal.in(message.getMetaData()).orElseThrow(() -> {
            LOG.warn("Refused {}: its metadata names no valid principal", message.getPayloadType().getSimpleName());
            return AccessRefusedException.forbidden(null, "Ce message ne nomme pas un expéditeur valide.");
        });
    }

    private Object admitted(Message<?> message, ActingPrincipal sender) {
        MessageRule<?> rule = rules.forMessage(message.getPayload()).orElseThrow(() -> {
            LOG.warn("Refused {}: no access rule", message.getPayloadType().getSimpleName());
            return AccessRefusedException.forbidden(null, "Ce message n'a pas de règle d'accès : il est refusé à tous.");
        });
        if (!rule.roles().contains(sender.role())) {
            throw AccessRefusedException.forbidden(null, "Le rôle « " + sender.role().label()
                    + " » ne permet pas cette opération.");
        }
        return admittedPayload(rule, message.getPayload(), sender);
    }

    private <M> M admittedPayload(MessageRule<M> rule, Object payload, ActingPrincipal sender) {
        return rule.reach().admit(rule.type().cast(payload), sender, scope);
    }
}
