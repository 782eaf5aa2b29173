package org.jekafo.api.projection;

/**
 * The sequence number of the last event of an aggregate that a projection has applied and written.
 *
 * @param version {@code -1} when the projection shows nothing of the aggregate
 */
public record ProjectedVersionView(String processingGroup, String aggregateId, long version) {
}
