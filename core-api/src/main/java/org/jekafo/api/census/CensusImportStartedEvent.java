package org.jekafo.api.census;

/** A census file was received for import: which file (name, SHA-256, size); who sent it is in the metadata. */
public record CensusImportStartedEvent(String importId, String fileName, String sha256, long sizeBytes) {
}
