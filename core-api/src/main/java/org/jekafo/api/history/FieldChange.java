package org.jekafo.api.history;

/**
 * One field an event set, by its stored name, with its value as text, and the value the aggregate's record held
 * before ({@code null} when the field is not part of the record, or the event set it first). The record is what the
 * aggregate's first event set ({@code RecordField} names the record field a differently named component sets).
 */
public record FieldChange(String field, String value, String previousValue) {
}
