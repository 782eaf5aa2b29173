package org.jekafo.app.platform.messaging;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.jekafo.api.common.Refusal;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.command.common.RefusalCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands with the metadata every event must carry: acting principal and role, channel,
 * correlation id, client command id and capture time.
 */
@Component
public class CommandSender {

    private static final Logger LOG = LoggerFactory.getLogger(CommandSender.class);
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();
    private static final int RACE_ATTEMPTS = 5;

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /**
     * Sends and waits; a refusal comes back as the handler's exception. A command that lost a race for a card
     * number it was allocated (given explicitly by another transaction meanwhile) is sent again, up to
     * {@value #RACE_ATTEMPTS} times in all: it then gets the next number.
     */
    public <R> R send(Object command, CommandContext context) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(command, context);
            } catch (RuntimeException failure) {
                Refusal refusal = Refusals.in(failure);
                if (attempt >= RACE_ATTEMPTS || refusal == null || !RefusalCodes.CARD_NUMBER_RACE.equals(refusal.code())) {
                    throw failure;
                }
            }
        }
    }

    private <R> R sendOnce(Object command, CommandContext context) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData());
        try {
            return commandGateway.sendAndWait(message);
        } catch (RuntimeException failure) {
            Refusal refusal = Refusals.in(failure);
            if (refusal != null && LOG.isDebugEnabled()) {
                // by code and ids only: the refusal's message may quote what was typed
                LOG.debug("Refused {} on {}: code {}, field {}, channel {}, correlation {}",
                        message.getPayloadType().getSimpleName(), aggregateId(message), refusal.code(),
                        refusal.field(), context.channel(), context.correlationId());
            }
            throw failure;
        }
    }

    private static String aggregateId(CommandMessage<?> message) {
        try {
            return TARGETS.resolveTarget(message).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    /** Who sends a command, how, and under which identifiers. */
    public record CommandContext(ActingPrincipal principal, Channel channel, String correlationId,
                                 String clientCommandId, Instant capturedAt, Integer expectedVersion) {

        public CommandContext(ActingPrincipal principal, Channel channel, String correlationId, String clientCommandId,
                              Instant capturedAt) {
            this(principal, channel, correlationId, clientCommandId, capturedAt, null);
        }

        public static CommandContext of(ActingPrincipal principal, Channel channel) {
            return new CommandContext(principal, channel, IdentifierFactory.getInstance().generateIdentifier(), null, null);
        }

        MetaData metaData() {
            Map<String, Object> entries = new HashMap<>(principal.metaData());
            entries.put(MetadataKeys.CHANNEL, channel.name());
            entries.put(MetadataKeys.CORRELATION_ID, correlationId);
            if (clientCommandId != null) {
                entries.put(MetadataKeys.CLIENT_COMMAND_ID, clientCommandId);
            }
            if (capturedAt != null) {
                entries.put(MetadataKeys.CAPTURED_AT, capturedAt.toString());
            }
            if (expectedVersion != null) {
                entries.put(MetadataKeys.EXPECTED_VERSION, expectedVersion.longValue());
            }
            return MetaData.from(entries);
        }
    }
}
