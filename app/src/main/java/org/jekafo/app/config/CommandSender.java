package org.jekafo.app.config;

import org.axonframework.common.IdentifierFactory;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.app.security.ActingPrincipal;
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

    private final CommandGateway commandGateway;

    CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    /** Sends and waits; a refusal comes back as the handler's exception. */
    public <R> R send(Object command, CommandContext context) {
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(context.metaData()));
    }

    /** Who sends a command, how, and under which identifiers. */
    public record CommandContext(ActingPrincipal principal, Channel channel, String correlationId,
                                 String clientCommandId, Instant capturedAt) {

        public static CommandContext of(ActingPrincipal principal, Channel channel) {
            return new CommandContext(principal, channel, IdentifierFactory.getInstance().generateIdentifier(), null, null);
        }

        MetaData metaData() {
            Map<String, Object> entries = new HashMap<>();
            entries.put(MetadataKeys.PRINCIPAL, principal.name());
            entries.put(MetadataKeys.ROLE, principal.role().name());
            entries.put(MetadataKeys.CHANNEL, channel.name());
            entries.put(MetadataKeys.CORRELATION_ID, correlationId);
            if (clientCommandId != null) {
                entries.put(MetadataKeys.CLIENT_COMMAND_ID, clientCommandId);
            }
            if (capturedAt != null) {
                entries.put(MetadataKeys.CAPTURED_AT, capturedAt.toString());
            }
            return MetaData.from(entries);
        }
    }
}
