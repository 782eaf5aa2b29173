package org.jekafo.api.membership;

import java.util.List;

/** Counts of the members matching a filter. */
public record MemberCounts(long total, List<CountBucket> byGender, List<CountBucket> byRegion, List<CountBucket> byLocalUnit, List<CountBucket> byTrade, List<CountBucket> byStatus) {
}
