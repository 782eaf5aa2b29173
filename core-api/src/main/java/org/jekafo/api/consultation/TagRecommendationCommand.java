package org.jekafo.api.consultation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The advocacy cell's tags on one recommendation of a consultation (replacing the previous ones). */
public record TagRecommendationCommand(@TargetAggregateIdentifier String consultationId, String recommendationId,
                                       List<String> tags) {
}
