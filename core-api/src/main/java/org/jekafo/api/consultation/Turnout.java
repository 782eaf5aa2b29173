package org.jekafo.api.consultation;

import java.util.List;

/**
 * How many members have voted so far, per channel; for an open ballot also each option's votes so far
 * ({@code liveCounts}, empty for a secret one: only turnout is shown while it is open).
 */
public record Turnout(String consultationId, long voterCount, List<GroupCount> byChannel,
                      List<GroupCount> liveCounts) {
}
