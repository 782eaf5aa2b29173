package org.jekafo.api.consultation;

/** A page of a consultation's free-text recommendations, optionally matching words (accents ignored) or a tag. */
public record FindRecommendationsQuery(String consultationId, String search, String tag, int first, String after) {
}
