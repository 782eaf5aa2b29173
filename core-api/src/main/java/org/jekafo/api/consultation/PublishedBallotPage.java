package org.jekafo.api.consultation;

import java.util.List;

/** A page of published ballots. */
public record PublishedBallotPage(List<PublishedBallot> ballots, long totalCount, boolean hasNextPage) {
}
