package org.jekafo.api.census;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what an import did once every line of its file was handled. */
public record CompleteCensusImportCommand(@TargetAggregateIdentifier String importId, int lines, int registered,
                                          int alreadyImported, int rejected) {
}
