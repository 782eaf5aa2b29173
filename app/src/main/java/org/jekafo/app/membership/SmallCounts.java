package org.jekafo.app.membership;

import org.jekafo.app.membership.MemberController.LabelledCount;
import org.jekafo.app.membership.MemberController.MemberCountsView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts as auditors and administrators see them: a count of 1 to 4 members narrows to people they could name, so
 * it reads null and {@code suppressed} (primary suppression). Where the cells of a breakdown add up to the total
 * (gender, region, local unit, status: every member is in exactly one), a single suppressed cell could be
 * recovered by subtraction, so the smallest other cell is suppressed with it (secondary suppression). Trades are
 * not such a breakdown (a member may have several). A total of 1 to 4 suppresses everything.
 */
final class SmallCounts {

    /** The smallest count shown. */
    static final long THRESHOLD = 5;

    private SmallCounts() {
    }

    static MemberCountsView suppressed(MemberCountsView counts) {
        boolean smallTotal = small(counts.total());
        return new MemberCountsView(smallTotal ? null : counts.total(), smallTotal,
                partition(counts.byGender()), partition(counts.byRegion()), partition(counts.byLocalUnit()),
                cells(counts.byTrade()), partition(counts.byStatus()));
    }

    private static List<LabelledCount> cells(List<LabelledCount> cells) {
        return cells.stream().map(cell -> small(cell.count()) ? hidden(cell) : cell).toList();
    }

    private static List<LabelledCount> partition(List<LabelledCount> cells) {
        List<LabelledCount> result = new ArrayList<>(cells(cells));
        if (result.stream().filter(LabelledCount::suppressed).count() == 1) {
            result.stream().filter(cell -> !cell.suppressed()).min(Comparator.comparing(LabelledCount::count))
                    .ifPresent(smallest -> result.set(result.indexOf(smallest), hidden(smallest)));
        }
        return result;
    }

    private static boolean small(Long count) {
        return count != null && count > 0 && count < THRESHOLD;
    }

    private static LabelledCount hidden(LabelledCount cell) {
        return new LabelledCount(cell.key(), cell.label(), null, true);
    }
}
