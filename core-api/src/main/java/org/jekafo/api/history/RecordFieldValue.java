package org.jekafo.api.history;

import java.time.Instant;

/**
 * One field of an aggregate's record as it stood: its stored name, its value as text, and the event that set it (its
 * sequence number, stable name and time of receipt).
 */
public record RecordFieldValue(String field, String value, long sequence, String eventName, Instant setAt) {
}
