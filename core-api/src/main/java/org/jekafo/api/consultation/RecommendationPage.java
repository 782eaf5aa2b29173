package org.jekafo.api.consultation;

import java.util.List;

/** A page of recommendations. */
public record RecommendationPage(List<RecommendationView> recommendations, long totalCount, boolean hasNextPage) {
}
