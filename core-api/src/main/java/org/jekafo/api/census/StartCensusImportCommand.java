package org.jekafo.api.census;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that a census file was received for import: its name as sent, its SHA-256 and its size in bytes.
 * Who sent it is in the command's metadata (principal, role), as for every command.
 */
public record StartCensusImportCommand(@TargetAggregateIdentifier String importId, String fileName, String sha256,
                                       long sizeBytes) {
}
