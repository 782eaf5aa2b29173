package org.jekafo.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata an event must be stored without, when it must carry less than the default every event inherits
 * from its command (principal, role, channel, client command id, capture time, correlation and causation ids: see
 * {@link MetadataKeys}). A secret ballot's choice, for instance, is stored without {@link MetadataKeys#PRINCIPAL}
 * and {@link MetadataKeys#ROLE}: the gate still knows who sent the command, the store never links them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventMetadata {

    /** Keys of {@link MetadataKeys} this event never carries. */
    String[] without();
}
