package org.jekafo.api.census;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that an import stopped before its end, with the reason (French, for people; no personal value). */
public record FailCensusImportCommand(@TargetAggregateIdentifier String importId, String reason) {
}
