package org.jekafo.api.consultation;

import java.time.Instant;
import java.util.List;

/**
 * A consultation as served: its plan, where it is in its life, the eligible members fixed at opening (in all and per
 * group) and, once tallied, its result. {@code version} is the sequence of its last event.
 */
public record ConsultationView(String consultationId, String orgUnitId, ConsultationPlan plan,
                               ConsultationStatus status, Instant closesAt, Long eligibleCount,
                               List<GroupCount> eligibleGroups, String publicKey, String closingReason,
                               boolean closedEarly, String cancellationReason, Instant openedAt, Instant closedAt,
                               ConsultationTalliedEvent tally, Instant talliedAt, long version) {
}
