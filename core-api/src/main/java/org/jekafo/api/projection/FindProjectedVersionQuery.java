package org.jekafo.api.projection;

/**
 * How far a projection has applied one aggregate's events: answered with a {@link ProjectedVersionView} (version
 * {@code -1} when the projection shows nothing of it), or null when no projection has this processing group. As a
 * subscription query, each update says the projection has written and committed the aggregate's document at a
 * version; a read of the projection then sees it. Read-your-writes waits on these updates instead of polling.
 *
 * @param processingGroup the event processor writing the projection, e.g. {@code member-projection}
 * @param aggregateId     the aggregate, which is also the id of its document
 */
public record FindProjectedVersionQuery(String processingGroup, String aggregateId) {
}
