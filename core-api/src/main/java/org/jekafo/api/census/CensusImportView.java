package org.jekafo.api.census;

import java.time.Instant;

/**
 * Where an import stands, as GraphQL and the command line show it, and as the instance running it answers
 * {@link FindCensusImportQuery} for the others. No personal data: counts, times, the file's name and fingerprint.
 *
 * @param searchable true once every member the import registered is searchable; false while not yet (or
 *                   not confirmed within the wait); {@code null} when it cannot be known
 * @param message    French, for people: why it failed, or why searchability is unknown or unconfirmed
 */
public record CensusImportView(String id, String fileName, String sha256, long sizeBytes, String importedBy,
                               String role, State state, Instant startedAt, Instant endedAt, int linesDone,
                               int linesTotal, int registered, int alreadyImported, int rejected,
                               double linesPerSecond, Boolean searchable, String message) {

    /** An import's stages. */
    public enum State {
        /** Received, waiting for the import before it to end (imports run one at a time). */
        QUEUED,
        /** Lines are being registered. */
        RUNNING,
        /** Every line handled; waiting until the registered members are searchable. */
        INDEXING,
        /** Ended: every line handled, and searchability settled (see {@code searchable}). */
        DONE,
        /** Stopped before the end (see {@code message}). */
        FAILED;

        public boolean ended() {
            return this == DONE || this == FAILED;
        }
    }
}
