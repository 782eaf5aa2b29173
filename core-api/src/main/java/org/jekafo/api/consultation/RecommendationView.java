package org.jekafo.api.consultation;

import java.util.List;

/** A free-text recommendation, its question and tags; in a secret consultation it names no voter. */
public record RecommendationView(String recommendationId, String consultationId, String questionId, String text,
                                 List<String> tags) {
}
