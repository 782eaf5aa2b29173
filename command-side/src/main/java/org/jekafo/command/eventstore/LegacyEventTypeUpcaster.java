package org.jekafo.command.eventstore;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.function.Function;

/**
 * Reads stores written before events had stable names: an event stored under its class name without revision is
 * read as its stable name, revision 1 ({@link LegacyEventTypes}); its JSON is unchanged. First in the upcaster chain,
 * so revision upcasters ({@link JsonRevisionUpcaster}) only ever see stable names.
 */
public final class LegacyEventTypeUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return LegacyEventTypes.stableTypeOf(representation.getType()).isPresent();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        Class contentType = representation.getContentType();
        return representation.upcast(LegacyEventTypes.stableTypeOf(representation.getType()).orElseThrow(), contentType,
                Function.identity(), Function.identity());
    }
}
