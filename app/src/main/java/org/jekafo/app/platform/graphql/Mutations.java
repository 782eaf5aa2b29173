package org.jekafo.app.platform.graphql;

import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.TextLimit;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Sends the command of a mutation with the metadata of its caller. */
@Component
public class Mutations {

    /** IMPORT and SYSTEM are the server's own channels. */
    private static final Set<Channel> CALLER_CHANNELS = EnumSet.of(Channel.PORTAL, Channel.FIELD_AGENT, Channel.USSD,
            Channel.SMS);

    private final CommandSender sender;
    private final PrincipalProvider principals;

    Mutations(CommandSender sender, PrincipalProvider principals) {
        this.sender = sender;
        this.principals = principals;
    }

    public <R> R send(Object command, MutationEnvelope input) {
        Channel channel = input.channel() == null ? Channel.PORTAL : input.channel();
        if (!CALLER_CHANNELS.contains(channel)) {
            throw new InvalidInputException("INVALID_INPUT", "channel",
                    "Le canal " + channel + " est réservé au serveur.");
        }
        if (input.capturedAt() != null && input.capturedAt().isAfter(Instant.now().plusSeconds(300))) {
            throw new InvalidInputException("INVALID_DATE", "capturedAt", "Le moment de saisie est dans le futur.");
        }
        String clientId = input.clientMutationId();
        InvalidInputException.bounded(clientId, TextLimit.CLIENT_MUTATION_ID);
        if (clientId != null && clientId.isBlank()) {
            throw new InvalidInputException("INVALID_INPUT", "clientMutationId",
                    "L'identifiant de requête ne peut pas être vide.");
        }
        return sender.send(command, new CommandContext(principals.current(), channel, IdentifierFactory.getInstance().generateIdentifier(),
                clientId, input.capturedAt()));
    }
}
