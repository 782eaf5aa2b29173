package org.jekafo.api.figures;

import org.jekafo.api.membership.CountBucket;

import java.time.Instant;
import java.util.List;

/**
 * The members as they stood at {@code at}: every member registered by then, whatever their status then, in all and
 * by status, gender, region, local unit (where they were then), trade (a member counts in each of their trades)
 * and status crossed with gender. An erased member still counts, with their gender (not erased).
 */
public record MemberFigures(Instant at, long total, List<CountBucket> byStatus, List<CountBucket> byGender,
                            List<CountBucket> byRegion, List<CountBucket> byLocalUnit, List<CountBucket> byTrade,
                            List<StatusGenderCount> byStatusAndGender) {
}
