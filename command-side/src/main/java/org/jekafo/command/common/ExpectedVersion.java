package org.jekafo.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.common.Refusal;

import java.util.List;

/**
 * Optimistic concurrency for commands decided on a stale view (a tablet offline for days): a command whose
 * metadata names the version its sender saw ({@link MetadataKeys#EXPECTED_VERSION}) is refused with
 * {@code VERSION_CONFLICT} — naming the aggregate, so the sender can read it as it is now — if the aggregate has
 * changed since. Called from an aggregate's {@code @CommandHandlerInterceptor}, where its version is known.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {
    }

    public static void check(CommandMessage<?> command, String aggregateId) {
        Object expected = command.getMetaData().get(MetadataKeys.EXPECTED_VERSION);
        if (expected == null) {
            return;
        }
        Long current = AggregateLifecycle.getVersion();
        long seen = expected instanceof Number number ? number.longValue() : Long.parseLong(expected.toString());
        if (current == null || current != seen) {
            throw new CommandRefusedException(new Refusal(RefusalCodes.VERSION_CONFLICT, "expectedVersion",
                    "Cet enregistrement a été modifié depuis la version " + seen + " que vous avez vue (il est à la "
                            + "version " + current + ") : relisez-le et refaites votre modification si elle vaut "
                            + "toujours.").about(List.of(aggregateId)));
        }
    }
}
