package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberPosition;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.membership.Members.registration;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;

/**
 * Cursor pagination of FindMembersQuery (search_after on folded name, then member id) against the real
 * Elasticsearch. 23 members are registered out of order; three of them share the name Aminata Traoré, so the
 * member id must break the tie.
 */
class MemberPaginationTest {

    private static final String[][] NAMES = {
            {"Traoré", "Aminata"}, {"Coulibaly", "Seydou"}, {"Diarra", "Fatoumata"}, {"Keïta", "Awa"},
            {"Sangaré", "Oumou"}, {"Touré", "Ali"}, {"Cissé", "Mariam"}, {"Dembélé", "Issa"},
    };

    private Members members;
    private List<MemberRegisteredEvent> registered;

    @BeforeEach
    void freshIndices() {
        members = Members.fresh();
    }

    /** Registers {@code count} members m-00, m-01… in one batch, from the last id to the first. */
    private void membersRegistered(int count) {
        registered = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            String[] name = NAMES[i % 3 == 0 ? 0 : i % NAMES.length];
            registered.add(registration("m-%02d".formatted(i), "SG-%06d".formatted(100 + i), name[0], name[1],
                    i % 2 == 0 ? Gender.F : Gender.M, 1970 + i, "+2237600%04d".formatted(i), List.of("COUTURE"),
                    SEGOU_03, LocalDate.of(2024, 1, 1).plusDays(i)));
        }
        EventBatch.handle(() -> registered.forEach(event -> members.projection.on(event, 0, at(0))));
        members.refresh();
    }

    /** The order lists must follow: folded "last first", then member id. */
    private List<String> expectedOrder() {
        return registered.stream()
                .sorted(Comparator.comparing((MemberRegisteredEvent e) -> TextFolding.fold(e.lastName() + " " + e.firstName()))
                        .thenComparing(MemberRegisteredEvent::memberId))
                .map(MemberRegisteredEvent::memberId).toList();
    }

    /** Every page of a walk through the whole list, {@code size} members at a time. */
    private List<MemberPage> walk(int size) {
        List<MemberPage> pages = new ArrayList<>();
        MemberPosition after = null;
        do {
            MemberPage page = members.page(null, size, after);
            pages.add(page);
            after = page.endPosition();
            if (pages.size() > 100) {
                throw new AssertionError("pagination does not end");
            }
        } while (pages.get(pages.size() - 1).hasNextPage());
        return pages;
    }

    private static List<String> ids(List<MemberPage> pages) {
        return pages.stream().flatMap(p -> p.members().stream()).map(MemberView::memberId).toList();
    }

    @Test
    void walkingThePagesReturnsEveryMemberExactlyOnceInNameOrder() {
        membersRegistered(23);

        List<MemberPage> pages = walk(5);

        assertThat(ids(pages)).doesNotHaveDuplicates().hasSize(23).containsExactlyElementsOf(expectedOrder());
    }

    @Test
    void everyPageButTheLastHasANextPage() {
        membersRegistered(23);

        List<MemberPage> pages = walk(5);

        assertThat(pages).extracting(p -> p.members().size()).containsExactly(5, 5, 5, 5, 3);
        assertThat(pages).extracting(MemberPage::hasNextPage).containsExactly(true, true, true, true, false);
        assertThat(pages).extracting(MemberPage::totalCount).containsOnly(23L);
    }

    @Test
    void fullLastPageHasNoNextPage() {
        membersRegistered(10);

        List<MemberPage> pages = walk(5);

        assertThat(pages).hasSize(2);
        assertThat(pages.get(1).members()).hasSize(5);
        assertThat(pages.get(1).hasNextPage()).isFalse();
    }

    @Test
    void membersSharingANameAreOrderedByMemberId() {
        membersRegistered(23);

        List<String> aminataTraores = walk(4).stream().flatMap(p -> p.members().stream())
                .filter(m -> m.lastName().equals("Traoré") && m.firstName().equals("Aminata"))
                .map(MemberView::memberId).toList();

        assertThat(aminataTraores).hasSizeGreaterThanOrEqualTo(3).isSorted();
    }

    @Test
    void walkingTwiceGivesTheSameOrder() {
        membersRegistered(23);

        assertThat(ids(walk(7))).containsExactlyElementsOf(ids(walk(7)));
    }

    @Test
    void cursorOfAnyMemberContinuesRightAfterIt() {
        membersRegistered(23);
        MemberPage first = members.page(null, 5, null);

        MemberPage next = members.page(null, 3, first.positions().get(1));

        assertThat(next.members()).extracting(MemberView::memberId)
                .containsExactlyElementsOf(expectedOrder().subList(2, 5));
    }

    @Test
    void memberRegisteredBeforeTheCursorDoesNotShiftTheFollowingPages() {
        membersRegistered(23);
        MemberPage first = members.page(null, 5, null);

        members.register(registration("m-99", "SG-000999", "Ba", "Aïssata", Gender.F, 1980, "+22376009999",
                List.of("COUTURE"), SEGOU_03, LocalDate.of(2024, 5, 1)));
        members.refresh();
        MemberPage second = members.page(null, 5, first.endPosition());

        assertThat(second.members()).extracting(MemberView::memberId)
                .containsExactlyElementsOf(expectedOrder().subList(5, 10));
        assertThat(second.totalCount()).isEqualTo(24);
    }

    @Test
    void emptyListHasNoPageAfterIt() {
        MemberPage page = members.page(null, 5, null);

        assertThat(page.members()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.endPosition()).isNull();
    }

    @Test
    void positionOfAMemberNoLongerListedStillContinuesAfterItsPlace() {
        membersRegistered(23);
        List<String> order = expectedOrder();
        MemberPage first = members.page(null, 5, null);
        MemberPosition fourth = first.positions().get(3);

        MemberPage next = members.page(null, 3, new MemberPosition(fourth.sortName(), fourth.memberId() + "-gone"));

        assertThat(next.members()).extracting(MemberView::memberId).containsExactlyElementsOf(order.subList(4, 7));
    }
}
