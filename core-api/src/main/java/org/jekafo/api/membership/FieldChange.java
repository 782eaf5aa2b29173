package org.jekafo.api.membership;

/**
 * One field an event set, with its value as text, and the value the member's record held before ({@code null} when
 * the field is not part of the record, or the event set it first).
 */
public record FieldChange(String field, String value, String previousValue) {
}
