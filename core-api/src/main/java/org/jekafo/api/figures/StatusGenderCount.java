package org.jekafo.api.figures;

/** The members of one status and one gender. */
public record StatusGenderCount(String status, String gender, long count) {
}
