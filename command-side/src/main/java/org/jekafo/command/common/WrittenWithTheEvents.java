package org.jekafo.command.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command-side directory (unique card numbers, national IDs, the tree): an event handler bean, with its
 * own {@code @ProcessingGroup}, whose handlers run in a subscribing processor inside the very transaction that
 * appends the events, any failure refusing the command ({@link DirectoryProcessingConfiguration}). The mark sits
 * on the class itself, so a new directory cannot silently become asynchronous by being left out of a list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WrittenWithTheEvents {
}
