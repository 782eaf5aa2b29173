package org.jekafo.api.census;

/** An import stopped before its end; the members it registered until then stay registered. */
public record CensusImportFailedEvent(String importId, String reason) {
}
