package org.jekafo.api.census;

/** Every line of an imported file was handled: how many lines, registered, already imported, rejected. */
public record CensusImportCompletedEvent(String importId, int lines, int registered, int alreadyImported,
                                         int rejected) {
}
