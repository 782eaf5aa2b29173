package org.jekafo.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event that is personal data of its {@link DataSubject}: it is stored encrypted with
 * a key of that subject, and reads as {@link #ERASED} (a number: {@code null}) once the key is destroyed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** How an erased text field reads everywhere: queries, projections, exports, history. */
    String ERASED = "effacé";
}
