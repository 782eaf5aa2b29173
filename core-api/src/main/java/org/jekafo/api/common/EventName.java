package org.jekafo.api.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name and revision under which an event is stored and shown (history, dead letters), independent of
 * its Java class name. Renaming the class keeps this name; a change of the stored form (a field renamed, added
 * with a meaning old events lack, removed) raises the revision and comes with an upcaster from the previous one.
 * Each component of an event also carries a {@code @JsonProperty} naming its stored field, so a component can be
 * renamed in Java without changing what is stored or shown. Every event of the API carries this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

    /** The stored and shown type name, e.g. {@code MemberRegisteredEvent}; never changes once events are stored. */
    String value();

    /** The revision of the stored form, {@code "1"} first. */
    String revision();
}
