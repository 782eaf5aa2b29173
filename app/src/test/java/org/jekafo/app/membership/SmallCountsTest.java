package org.jekafo.app.membership;

import org.jekafo.app.membership.MemberController.LabelledCount;
import org.jekafo.app.membership.MemberController.MemberCountsView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Which counts an auditor or administrator sees (the rule: {@link SmallCounts}). */
class SmallCountsTest {

    private static LabelledCount cell(String key, long count) {
        return new LabelledCount(key, key, count, false);
    }

    private static MemberCountsView counts(long total, List<LabelledCount> byGender, List<LabelledCount> byTrade) {
        return new MemberCountsView(total, false, byGender, List.of(cell("r", total)), List.of(cell("u", total)),
                byTrade, List.of(cell("ACTIVE", total)));
    }

    @Test
    void countsOfFiveOrMoreAreShown() {
        MemberCountsView shown = SmallCounts.suppressed(counts(12, List.of(cell("F", 7), cell("M", 5)),
                List.of(cell("COUTURE", 12))));

        assertThat(shown.total()).isEqualTo(12);
        assertThat(shown.totalSuppressed()).isFalse();
        assertThat(shown.byGender()).extracting(LabelledCount::count, LabelledCount::suppressed)
                .containsExactly(tuple(7L, false), tuple(5L, false));
    }

    @Test
    void aCountOfOneToFourIsSuppressedAndTheSmallestOtherCellOfItsBreakdownWithIt() {
        MemberCountsView shown = SmallCounts.suppressed(counts(130, List.of(cell("F", 120), cell("M", 3)),
                List.of(cell("COUTURE", 130))));

        assertThat(shown.total()).isEqualTo(130);
        assertThat(shown.byGender()).extracting(LabelledCount::key, LabelledCount::count, LabelledCount::suppressed)
                .containsExactly(tuple("F", null, true), tuple("M", null, true));
    }

    @Test
    void twoSmallCellsNeedNoOtherToBeSuppressed() {
        MemberCountsView shown = SmallCounts.suppressed(new MemberCountsView(30L, false, List.of(),
                List.of(cell("a", 20), cell("b", 6), cell("c", 2), cell("d", 2)), List.of(), List.of(), List.of()));

        assertThat(shown.byRegion()).extracting(LabelledCount::count).containsExactly(20L, 6L, null, null);
    }

    @Test
    void tradesAreNotABreakdownOfTheTotalSoOnlyTheirSmallCellsAreSuppressed() {
        MemberCountsView shown = SmallCounts.suppressed(counts(40, List.of(cell("F", 20), cell("M", 20)),
                List.of(cell("COUTURE", 38), cell("TEINTURE", 9), cell("FORGE", 1))));

        assertThat(shown.byTrade()).extracting(LabelledCount::count).containsExactly(38L, 9L, null);
    }

    @Test
    void aTotalOfOneToFourSuppressesEverything() {
        MemberCountsView shown = SmallCounts.suppressed(counts(3, List.of(cell("F", 2), cell("M", 1)),
                List.of(cell("COUTURE", 3))));

        assertThat(shown.total()).isNull();
        assertThat(shown.totalSuppressed()).isTrue();
        assertThat(List.of(shown.byGender(), shown.byRegion(), shown.byLocalUnit(), shown.byTrade(), shown.byStatus()))
                .allSatisfy(cells -> assertThat(cells).allMatch(LabelledCount::suppressed)
                        .allMatch(c -> c.count() == null));
    }
}
