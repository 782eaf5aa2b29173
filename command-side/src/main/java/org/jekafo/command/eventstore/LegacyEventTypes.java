package org.jekafo.command.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

import java.util.Optional;

/**
 * How events were stored before they had stable names: under their fully qualified class name, without revision.
 * Every such class was then named {@code org.jekafo.api.<feature>.<Name>} and its stable name is that simple
 * {@code <Name>}, revision 1 (the stored JSON is the same). This rule is frozen: it reads old stores after any class
 * is renamed or moved, since it maps the old name without looking at today's classes.
 */
final class LegacyEventTypes {

    static final String FIRST_REVISION = "1";
    private static final String LEGACY_PREFIX = EventTypes.API_PACKAGE + ".";

    private LegacyEventTypes() {
    }

    /** The stable name and revision 1 of a type stored the old way; empty for any other type. */
    static Optional<SerializedType> stableTypeOf(SerializedType stored) {
        String name = stored.getName();
        if (stored.getRevision() != null || !name.startsWith(LEGACY_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new SimpleSerializedType(name.substring(name.lastIndexOf('.') + 1), FIRST_REVISION));
    }
}
