package org.jekafo.app.platform.graphql;

import org.jekafo.api.common.Channel;

import java.time.Instant;

/** What every mutation input carries besides its own fields; {@link Mutations} sends a command with it. */
public interface MutationEnvelope {
    /** The channel; inputs without one come from the portal. */
    default Channel channel() {
        return Channel.PORTAL;
    }

    /** When the fact was captured, if earlier than now. */
    default Instant capturedAt() {
        return null;
    }

    String clientMutationId();

    /** The version of the record the client saw (optimistic concurrency), or null to act on whatever it is now. */
    default Integer expectedVersion() {
        return null;
    }
}

