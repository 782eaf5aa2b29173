package org.jekafo.api.membership;

/** One field an event set, with its value as text. */
public record FieldChange(String field, String value) {
}
