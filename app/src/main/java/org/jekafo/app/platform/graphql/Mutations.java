package org.jekafo.app.platform.graphql;

import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.TextLimit;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.springframework.stereotype.Component;

import org.jekafo.api.common.Refusal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** Sends the command of a mutation; its envelope's problems (channel, capture time, client id) all at once. */
    public <R> R send(Object command, MutationEnvelope input) {
        Channel channel = input.channel() == null ? Channel.PORTAL : input.channel();
        List<Refusal> problems = new ArrayList<>();
        if (!CALLER_CHANNELS.contains(channel)) {
            problems.add(new Refusal("INVALID_INPUT", "channel", "Le canal " + channel + " est réservé au serveur."));
        }
        if (input.capturedAt() != null && input.capturedAt().isAfter(Instant.now().plusSeconds(300))) {
            problems.add(new Refusal("INVALID_DATE", "capturedAt", "Le moment de saisie est dans le futur."));
        }
        String clientId = input.clientMutationId();
        if (!TextLimit.CLIENT_MUTATION_ID.admits(clientId)) {
            problems.add(TextLimit.CLIENT_MUTATION_ID.refusal());
        } else if (clientId != null && clientId.isBlank()) {
            problems.add(new Refusal("INVALID_INPUT", "clientMutationId", "L'identifiant de requête ne peut pas être vide."));
        }
        if (input.expectedVersion() != null && input.expectedVersion() < 0) {
            problems.add(new Refusal("INVALID_INPUT", "expectedVersion", "Une version n'est jamais négative."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(Refusal.of(problems));
        }
        return sender.send(command, new CommandContext(principals.current(), channel,
                IdentifierFactory.getInstance().generateIdentifier(), clientId, input.capturedAt(),
                input.expectedVersion()));
    }
}
