package org.jekafo.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event that sets a field of its aggregate's record under another name: the record is what
 * the aggregate's first event sets (a unit's {@code parentId}), and a later event may name the new value otherwise
 * ({@code newParentId}). History then shows that component with the value the record field held before. Nothing of
 * what is stored changes: this is read by history only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface RecordField {

    /** The stored name of the record field, as the aggregate's first event names it. */
    String value();
}
